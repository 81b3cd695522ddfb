import type { ScoreLevel } from '@case-studies/plugin-case-studies-common';

/**
 * How the frontend names and colours the levels. Which levels there are,
 * their order and their thresholds come from common (`SCORE_LEVELS`,
 * `scoreLevel`) and the rules a response carries (`scoring`).
 */
export const LEVEL_LABELS: Record<ScoreLevel, string> = {
  none: 'No level yet',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

export const LEVEL_COLOURS: Record<ScoreLevel, string> = {
  none: '#bdbdbd',
  bronze: '#a0643c',
  silver: '#8e9aa6',
  gold: '#c9a227',
};
