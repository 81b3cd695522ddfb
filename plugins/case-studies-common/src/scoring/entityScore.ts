import { z } from 'zod';
import { compareCodeUnits } from '../knowledge/byId';
import { SEVERITIES, type Severity } from '../knowledge/schema';
import type { ChecklistProgress } from './checklistProgress';

/** Levels from lowest to highest; `none` is below the first threshold. @public */
export const SCORE_LEVELS = ['none', 'bronze', 'silver', 'gold'] as const;

/** @public */
export type ScoreLevel = (typeof SCORE_LEVELS)[number];

/**
 * How scores and levels are computed; from `caseStudies.scorecards` in
 * app-config.yaml, with {@link DEFAULT_SCORING_RULES} for what is not set.
 *
 * @public
 */
export interface ScoringRules {
  /** the lowest score of each level, 0–100, strictly increasing */
  levels: Record<Exclude<ScoreLevel, 'none'>, number>;
  /** points taken off the score per active antipattern warning, by severity */
  penalties: Record<Severity, number>;
}

/** @public */
export const DEFAULT_SCORING_RULES: ScoringRules = {
  levels: { bronze: 25, silver: 50, gold: 80 },
  penalties: { low: 2, medium: 5, high: 10, critical: 20 },
};

const points = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 100')
  .max(100, 'must be between 0 and 100');

const scoringRulesSchema = z
  .strictObject({
    levels: z
      .strictObject({
        bronze: points.default(DEFAULT_SCORING_RULES.levels.bronze),
        silver: points.default(DEFAULT_SCORING_RULES.levels.silver),
        gold: points.default(DEFAULT_SCORING_RULES.levels.gold),
      })
      .default(DEFAULT_SCORING_RULES.levels),
    penalties: z
      .strictObject({
        low: points.default(DEFAULT_SCORING_RULES.penalties.low),
        medium: points.default(DEFAULT_SCORING_RULES.penalties.medium),
        high: points.default(DEFAULT_SCORING_RULES.penalties.high),
        critical: points.default(DEFAULT_SCORING_RULES.penalties.critical),
      })
      .default(DEFAULT_SCORING_RULES.penalties),
  })
  .superRefine((rules, ctx) => {
    const { bronze, silver, gold } = rules.levels;
    if (!(bronze < silver && silver < gold)) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: `thresholds must increase from bronze to silver to gold (got ${bronze}, ${silver}, ${gold})`,
      });
    }
  });

/** Scoring configuration that cannot be used; the message names every wrong field. @public */
export class ScoringRulesError extends Error {
  name = 'ScoringRulesError';
}

/**
 * Validates scoring configuration (the value of `caseStudies.scorecards`),
 * filling in defaults. Throws a {@link ScoringRulesError} naming each wrong
 * field under `prefix`, e.g. `caseStudies.scorecards.levels.gold: must be
 * between 0 and 100`.
 *
 * @public
 */
export function parseScoringRules(
  input: unknown,
  prefix = 'caseStudies.scorecards',
): ScoringRules {
  const result = scoringRulesSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(issue => {
    const field = [prefix, ...issue.path.map(String)].join('.');
    return `${field}: ${issue.message}`;
  });
  throw new ScoringRulesError(
    `Invalid scoring configuration: ${problems.join('; ')}`,
  );
}

/** The level a score reaches. @public */
export function scoreLevel(score: number, rules: ScoringRules): ScoreLevel {
  let reached: ScoreLevel = 'none';
  for (const level of SCORE_LEVELS) {
    if (level !== 'none' && score >= rules.levels[level]) reached = level;
  }
  return reached;
}

/** One warning's deduction from a score. @public */
export interface ScorePenalty {
  warningId: string;
  title: string;
  severity: Severity;
  points: number;
}

/**
 * An entity's score, explained: the completion part, what each warning
 * takes off, the level, and how far the next level is.
 *
 * @public
 */
export interface EntityScore {
  /** 0–100: `completion` minus the penalties, never below 0 */
  score: number;
  level: ScoreLevel;
  /** the weighted checklist completion, 0–100 */
  completion: number;
  /** one per active warning with a non-zero penalty, largest first */
  penalties: ScorePenalty[];
  /** the sum of the penalties (the score may have been floored at 0) */
  penaltyTotal: number;
  /** the next level up and the points it still needs; absent at the top level */
  next?: { level: ScoreLevel; pointsNeeded: number };
}

/** What scoring reads of a warning. @public */
export type ScoredWarning = { id: string; title: string; severity: Severity };

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

/**
 * The score of one entity: weighted checklist completion (automatic evidence
 * counts as done, exemptions leave the denominator; see `checklistProgress`)
 * minus a penalty per active antipattern warning by severity.
 *
 * @public
 */
export function entityScore(
  progress: Pick<ChecklistProgress, 'weightedScore'>,
  warnings: ScoredWarning[],
  rules: ScoringRules,
): EntityScore {
  const penalties = warnings
    .map(warning => ({
      warningId: warning.id,
      title: warning.title,
      severity: warning.severity,
      points: rules.penalties[warning.severity],
    }))
    .filter(penalty => penalty.points > 0)
    .sort(
      (a, b) =>
        b.points - a.points ||
        severityRank(b.severity) - severityRank(a.severity) ||
        compareCodeUnits(a.warningId, b.warningId),
    );
  const penaltyTotal = penalties.reduce((sum, p) => sum + p.points, 0);
  const completion = progress.weightedScore;
  const score = Math.max(0, Math.min(100, completion - penaltyTotal));
  const level = scoreLevel(score, rules);
  const nextLevel = SCORE_LEVELS[SCORE_LEVELS.indexOf(level) + 1];
  return {
    score,
    level,
    completion,
    penalties,
    penaltyTotal,
    next:
      nextLevel && nextLevel !== 'none'
        ? {
            level: nextLevel,
            pointsNeeded: rules.levels[nextLevel] - score,
          }
        : undefined,
  };
}

/** Warnings counted by severity, every severity present. @public */
export function warningsBySeverity(
  warnings: { severity: Severity }[],
): Record<Severity, number> {
  const counts: Record<Severity, number> = {
    low: 0,
    medium: 0,
    high: 0,
    critical: 0,
  };
  for (const warning of warnings) counts[warning.severity] += 1;
  return counts;
}
