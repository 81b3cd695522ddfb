import type {
  ScorecardGroup,
  ScorecardHistoryResponse,
  ScorecardTrendPoint,
} from '@case-studies/plugin-case-studies-common';
import { sameKey } from './scorecardFormat';

/** A line of the trend chart: all entities, or one group. */
export interface TrendSeries {
  /** the chart's data key: `overall`, `g0`, `g1`… (group keys hold dots and slashes) */
  id: string;
  name: string;
  points: ScorecardTrendPoint[];
}

/** The data key of the line over all entities, the first of the chart's lines. */
export const OVERALL_SERIES_ID = 'overall';

/** How many groups the chart draws when none is picked: more lines stop being readable. */
export const CHARTED_GROUPS = 3;

/** The groups to draw when none is picked: the largest few that have a key. */
export function largestGroups(groups: ScorecardGroup[]): (string | null)[] {
  return groups
    .filter(group => group.key !== null)
    .sort((a, b) => b.entities - a.entities)
    .slice(0, CHARTED_GROUPS)
    .map(group => group.key);
}

/** The line over all entities, then one per group asked for that has a trend. */
export function trendSeries(
  history: ScorecardHistoryResponse,
  keys: (string | null)[],
  labelOf: (key: string | null) => string,
): TrendSeries[] {
  const groups = keys.flatMap(key => {
    const trend = history.trends.find(t => sameKey(t.key, key));
    return trend ? [trend] : [];
  });
  return [
    {
      id: OVERALL_SERIES_ID,
      name: 'All entities',
      points: history.overall.points,
    },
    ...groups.map((trend, index) => ({
      id: `g${index}`,
      name: labelOf(trend.key),
      points: trend.points,
    })),
  ];
}

/** One row per snapshot day, with each line's mean score (null where a group had no entities). */
export function trendChartRows(
  series: TrendSeries[],
): Record<string, string | number | null>[] {
  const days = [
    ...new Set(series.flatMap(s => s.points.map(p => p.day))),
  ].sort();
  const byDay = series.map(
    s => new Map(s.points.map(point => [point.day, point.meanScore])),
  );
  return days.map(day => {
    const row: Record<string, string | number | null> = { day };
    series.forEach((s, index) => {
      row[s.id] = byDay[index].get(day) ?? null;
    });
    return row;
  });
}
