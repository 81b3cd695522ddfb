import {
  SCORE_LEVELS,
  ScorecardGroup,
  ScorecardReport,
  SEVERITIES,
} from '@case-studies/plugin-case-studies-common';
import { stringify } from 'csv-stringify/sync';

type Cell = string | number | null | undefined;
type Column = { header: string; value: (group: ScorecardGroup) => Cell };

/** The columns every report has: the totals of its row. */
const TOTAL_COLUMNS: Column[] = [
  { header: 'entities', value: g => g.entities },
  { header: 'mean_score', value: g => g.meanScore },
  { header: 'median_score', value: g => g.medianScore },
  ...SCORE_LEVELS.map(level => ({
    header: `level_${level}`,
    value: (g: ScorecardGroup) => g.levels[level],
  })),
  { header: 'done', value: g => g.done },
  { header: 'applicable', value: g => g.applicable },
  { header: 'percent_done', value: g => g.percent },
  { header: 'exempted', value: g => g.exempted },
  ...SEVERITIES.map(severity => ({
    header: `warnings_${severity}`,
    value: (g: ScorecardGroup) => g.warnings[severity],
  })),
  { header: 'change_mean_score', value: g => g.change?.meanScore },
  { header: 'change_entities', value: g => g.change?.entities },
  { header: 'change_done', value: g => g.change?.done },
];

/** Per-entity rows (`groupBy=none`) say what the entity is. */
const ENTITY_COLUMNS: Column[] = [
  { header: 'entity', value: g => g.key },
  { header: 'kind', value: g => g.entity?.kind },
  { header: 'type', value: g => g.entity?.type },
  { header: 'lifecycle', value: g => g.entity?.lifecycle },
  { header: 'owner', value: g => g.entity?.owner },
  { header: 'system', value: g => g.entity?.system },
  { header: 'domain', value: g => g.entity?.domain },
];

/**
 * The report as CSV: a header row, then one row per group (or entity), with
 * commas, quotes and line breaks in values quoted by the CSV library.
 */
export function scorecardCsv(report: ScorecardReport): string {
  const columns: Column[] =
    report.groupBy === 'none'
      ? ENTITY_COLUMNS
      : [{ header: report.groupBy, value: g => g.key ?? '(none)' }];
  const all = [...columns, ...TOTAL_COLUMNS];
  return stringify(
    report.groups.map(group => all.map(column => column.value(group) ?? '')),
    { header: true, columns: all.map(column => column.header) },
  );
}

/** The download's file name, with the report's grouping and day. */
export function scorecardCsvFilename(report: ScorecardReport): string {
  return `case-studies-scorecard-${report.groupBy}-${report.takenAt.slice(
    0,
    10,
  )}.csv`;
}
