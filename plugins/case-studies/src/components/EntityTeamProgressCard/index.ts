export { EntityTeamProgressCard } from './EntityTeamProgressCard';
