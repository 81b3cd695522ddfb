export { ScoreExplanation, explainScore } from './ScoreExplanation';
