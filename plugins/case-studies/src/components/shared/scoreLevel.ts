/**
 * Levels of an entity's checklist score (the weighted share of applicable
 * items that are done, 0–100):
 *
 * | level  | weighted score |
 * |--------|----------------|
 * | gold   | 80 and above   |
 * | silver | 50 to 79       |
 * | bronze | 25 to 49       |
 * | none   | below 25       |
 */
export type ScoreLevel = 'gold' | 'silver' | 'bronze' | 'none';

export const SCORE_LEVEL_THRESHOLDS: { level: ScoreLevel; min: number }[] = [
  { level: 'gold', min: 80 },
  { level: 'silver', min: 50 },
  { level: 'bronze', min: 25 },
];

export function scoreLevel(weightedScore: number): ScoreLevel {
  return (
    SCORE_LEVEL_THRESHOLDS.find(t => weightedScore >= t.min)?.level ?? 'none'
  );
}

export const SCORE_LEVEL_LABELS: Record<ScoreLevel, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'No level yet',
};
