import { compareCodeUnits } from '../knowledge/byId';
import { SEVERITIES, type Severity } from '../knowledge/schema';
import { percentOf } from './checklistProgress';
import {
  SCORE_LEVELS,
  type ScoreLevel,
  warningsBySeverity,
} from './entityScore';

/**
 * The kinds of catalog entity that get a score: what a team owns and a
 * scorecard counts (groups, users, domains and locations do not).
 *
 * @public
 */
export const SCORED_KINDS = ['component', 'api', 'resource', 'system'] as const;

/** How a scorecard report groups entities; `none` gives one row per entity. @public */
export const SCORECARD_GROUP_BY = [
  'owner',
  'system',
  'domain',
  'none',
] as const;

/** @public */
export type ScorecardGroupBy = (typeof SCORECARD_GROUP_BY)[number];

/** What a scorecard row can be narrowed to (catalog `kind`, `spec.type`, `spec.lifecycle`). @public */
export interface ScorecardFilters {
  kind?: string;
  type?: string;
  lifecycle?: string;
}

/**
 * One entity's score as a snapshot stores it (one row per entity per day),
 * or as the live report computes it now.
 *
 * @public
 */
export interface ScorecardEntityRow {
  entityRef: string;
  kind: string;
  type?: string;
  lifecycle?: string;
  title?: string;
  /** the entity's owner (its first `ownedBy` relation) */
  owner?: string;
  /** the system it is part of; a System is its own */
  system?: string;
  /** the domain of its system, or a System's own domain */
  domain?: string;
  score: number;
  level: ScoreLevel;
  done: number;
  applicable: number;
  exempted: number;
  warnings: Record<Severity, number>;
  /** the knowledge base the score was computed with, so a jump in a trend can be traced */
  knowledgeVersion: string;
  /** ISO 8601 */
  takenAt: string;
}

/** Totals over scored entities, as a scorecard row and a trend point show them. @public */
export interface ScoreTotals {
  entities: number;
  /** mean of the entities' scores to one decimal; null without entities */
  meanScore: number | null;
  medianScore: number | null;
  levels: Record<ScoreLevel, number>;
  done: number;
  applicable: number;
  exempted: number;
  /** done / applicable over all entities, 0–100 */
  percent: number;
  warnings: Record<Severity, number>;
}

/** What {@link scoreTotals} reads of an entity. @public */
export type ScoreTotalsInput = Pick<
  ScorecardEntityRow,
  'level' | 'done' | 'applicable' | 'exempted' | 'warnings'
> & { score: number };

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds to one decimal, as mean scores are shown. */
function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Mean and median score, level distribution, completion and warnings over
 * entities: the one definition that roll-up summaries, scorecard rows and
 * trend points share.
 *
 * @public
 */
export function scoreTotals(entities: ScoreTotalsInput[]): ScoreTotals {
  const levels = Object.fromEntries(SCORE_LEVELS.map(l => [l, 0])) as Record<
    ScoreLevel,
    number
  >;
  const warnings = warningsBySeverity([]);
  let done = 0;
  let applicable = 0;
  let exempted = 0;
  let scoreSum = 0;
  const scores: number[] = [];
  for (const entity of entities) {
    levels[entity.level] += 1;
    scoreSum += entity.score;
    scores.push(entity.score);
    done += entity.done;
    applicable += entity.applicable;
    exempted += entity.exempted;
    for (const severity of SEVERITIES) {
      warnings[severity] += entity.warnings[severity];
    }
  }
  scores.sort((a, b) => a - b);
  return {
    entities: entities.length,
    meanScore:
      entities.length === 0 ? null : oneDecimal(scoreSum / entities.length),
    medianScore: median(scores),
    levels,
    done,
    applicable,
    exempted,
    percent: percentOf(done, applicable),
    warnings,
  };
}

/** How a group's totals moved since the previous snapshot. @public */
export interface ScorecardChange {
  /** when the previous snapshot was taken, ISO 8601 */
  since: string;
  /** mean score now minus then; null when either has no entities */
  meanScore: number | null;
  /** entities now minus then */
  entities: number;
  /** done items now minus then */
  done: number;
}

/** One row of the scorecard report: a team, system or domain (or one entity). @public */
export interface ScorecardGroup extends ScoreTotals {
  /**
   * the owner, system or domain ref (the entity ref for `groupBy=none`); null
   * for the entities that have none
   */
  key: string | null;
  /** for `groupBy=none`: the entity the row is */
  entity?: Omit<
    ScorecardEntityRow,
    | 'score'
    | 'level'
    | 'done'
    | 'applicable'
    | 'exempted'
    | 'warnings'
    | 'knowledgeVersion'
    | 'takenAt'
  >;
  /** absent when there is no earlier snapshot to compare with */
  change?: ScorecardChange;
}

/** The key a row is grouped under, or null when it has none. @public */
export function scorecardKey(
  row: Pick<ScorecardEntityRow, 'entityRef' | 'owner' | 'system' | 'domain'>,
  groupBy: ScorecardGroupBy,
): string | null {
  switch (groupBy) {
    case 'owner':
      return row.owner ?? null;
    case 'system':
      return row.system ?? null;
    case 'domain':
      return row.domain ?? null;
    default:
      return row.entityRef;
  }
}

/** Whether a row passes the filters (kind and values compared without case). @public */
export function matchesScorecardFilters(
  row: Pick<ScorecardEntityRow, 'kind' | 'type' | 'lifecycle'>,
  filters: ScorecardFilters,
): boolean {
  const same = (a: string | undefined, b: string | undefined) =>
    b === undefined ||
    (a !== undefined &&
      a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US'));
  return (
    same(row.kind, filters.kind) &&
    same(row.type, filters.type) &&
    same(row.lifecycle, filters.lifecycle)
  );
}

/** Rows by their group key; keys compare without case, as entity refs do. */
function byGroup<T extends ScorecardEntityRow>(
  rows: T[],
  groupBy: ScorecardGroupBy,
): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  const spelling = new Map<string, string>();
  for (const row of rows) {
    let key = scorecardKey(row, groupBy);
    if (key !== null) {
      const lower = key.toLocaleLowerCase('en-US');
      key = spelling.get(lower) ?? key;
      spelling.set(lower, key);
    }
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const lowerKey = (key: string | null) =>
  key === null ? null : key.toLocaleLowerCase('en-US');

/** Key order without case; the entities without a key last. */
function byKey(a: { key: string | null }, b: { key: string | null }): number {
  if (a.key === null || b.key === null) {
    return Number(a.key === null) - Number(b.key === null);
  }
  return compareCodeUnits(lowerKey(a.key)!, lowerKey(b.key)!);
}

/**
 * The scorecard report's rows: the entities grouped by owner, system or
 * domain (or one row each), with each group's totals and, given the rows of
 * the previous snapshot, the change since then. Rows come in key order, the
 * group of entities without a key last.
 *
 * @public
 */
export function scorecardGroups(
  rows: ScorecardEntityRow[],
  groupBy: ScorecardGroupBy,
  previous?: { takenAt: string; rows: ScorecardEntityRow[] },
): ScorecardGroup[] {
  const before = previous
    ? new Map(
        [...byGroup(previous.rows, groupBy)].map(([key, list]) => [
          lowerKey(key),
          scoreTotals(list),
        ]),
      )
    : undefined;
  const groups = [...byGroup(rows, groupBy)].map(([key, list]) => {
    const totals = scoreTotals(list);
    const group: ScorecardGroup = { key, ...totals };
    if (groupBy === 'none') {
      const { entityRef, kind, type, lifecycle, title, owner, system, domain } =
        list[0];
      group.entity = {
        entityRef,
        kind,
        type,
        lifecycle,
        title,
        owner,
        system,
        domain,
      };
    }
    if (previous && before) {
      const then = before.get(lowerKey(key));
      group.change = {
        since: previous.takenAt,
        meanScore:
          totals.meanScore === null || !then || then.meanScore === null
            ? null
            : oneDecimal(totals.meanScore - then.meanScore),
        entities: totals.entities - (then?.entities ?? 0),
        done: totals.done - (then?.done ?? 0),
      };
    }
    return group;
  });
  return groups.sort(byKey);
}

/** One day of a trend: a group's totals at that day's snapshot. @public */
export interface ScorecardTrendPoint extends ScoreTotals {
  /** the snapshot day, YYYY-MM-DD (UTC) */
  day: string;
}

/** A group's trend over the snapshots of a period. @public */
export interface ScorecardTrend {
  key: string | null;
  points: ScorecardTrendPoint[];
}

/**
 * The trend of every group over snapshot rows of several days: one point
 * per day the group has entities, days in order.
 *
 * @public
 */
export function scorecardTrends(
  rowsByDay: { day: string; rows: ScorecardEntityRow[] }[],
  groupBy: ScorecardGroupBy,
): ScorecardTrend[] {
  const trends = new Map<string | null, ScorecardTrend>();
  const days = [...rowsByDay].sort((a, b) => compareCodeUnits(a.day, b.day));
  for (const { day, rows } of days) {
    for (const [key, list] of byGroup(rows, groupBy)) {
      const id = lowerKey(key);
      const trend = trends.get(id) ?? { key, points: [] };
      trend.points.push({ day, ...scoreTotals(list) });
      trends.set(id, trend);
    }
  }
  return [...trends.values()].sort(byKey);
}

/** The UTC day of an instant, YYYY-MM-DD: the unit snapshots are taken and kept in. @public */
export function snapshotDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `days` after a day (both YYYY-MM-DD, UTC; negative goes back). @public */
export function addDays(day: string, days: number): string {
  return snapshotDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** The day `days` before a day (both YYYY-MM-DD, UTC). @public */
export function daysBefore(day: string, days: number): string {
  return addDays(day, -days);
}

/** Days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. @public */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
}
