export { EntityScoreHistory } from './EntityScoreHistory';
