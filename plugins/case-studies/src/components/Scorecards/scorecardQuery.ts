import {
  SCORECARD_GROUP_BY,
  ScorecardFilters,
  ScorecardGroupBy,
} from '@case-studies/plugin-case-studies-common';

/**
 * What the Scorecards view shows, as the query of its URL holds it, so that
 * a view can be linked to: `?groupBy=owner&group=group:default/payments-team`.
 */
export interface ScorecardQuery extends ScorecardFilters {
  groupBy: ScorecardGroupBy;
  /** the one group to show (its key), e.g. a team linked from its roll-up */
  group?: string;
}

export const SCORECARD_FILTERS = ['kind', 'type', 'lifecycle'] as const;

const isGroupBy = (value: string | null): value is ScorecardGroupBy =>
  (SCORECARD_GROUP_BY as readonly (string | null)[]).includes(value);

/** The view a URL's query asks for; what it does not say (or says wrong) is left at the default. */
export function readScorecardQuery(params: URLSearchParams): ScorecardQuery {
  const groupBy = params.get('groupBy');
  const query: ScorecardQuery = {
    groupBy: isGroupBy(groupBy) ? groupBy : 'owner',
  };
  for (const name of [...SCORECARD_FILTERS, 'group'] as const) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  return query;
}

/** The query of a view's URL: `groupBy=owner&group=…&kind=…`, leaving out what is not set. */
export function scorecardSearchParams(query: ScorecardQuery): URLSearchParams {
  const params = new URLSearchParams({ groupBy: query.groupBy });
  for (const name of ['group', ...SCORECARD_FILTERS] as const) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  return params;
}
