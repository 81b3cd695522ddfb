export { ScorecardsView } from './ScorecardsView';
export { useScorecardsLink } from './useScorecardsLink';
export type { ScorecardQuery } from './scorecardQuery';
