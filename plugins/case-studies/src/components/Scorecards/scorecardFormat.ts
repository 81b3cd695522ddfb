import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import type {
  ScorecardChange,
  ScorecardGroup,
  ScorecardGroupBy,
} from '@case-studies/plugin-case-studies-common';
import { formatDay } from '../shared/format';

/** The group-by choices as the view names them; `none` is one row per entity. */
export const GROUP_BY_LABELS: Record<ScorecardGroupBy, string> = {
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
  none: 'Entity',
};

export const GROUP_BY_PLURALS: Record<ScorecardGroupBy, string> = {
  owner: 'Owners',
  system: 'Systems',
  domain: 'Domains',
  none: 'Entities',
};

/** The kind a key is most likely of, left out when it is shown. */
const DEFAULT_KIND: Record<ScorecardGroupBy, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
  none: 'component',
};

/** What the row of the entities without an owner, system or domain is called. */
const NO_KEY_LABELS: Record<ScorecardGroupBy, string> = {
  owner: 'No owner',
  system: 'No system',
  domain: 'No domain',
  none: 'No entity',
};

/** Keys compare without case, as entity refs do. */
export const sameKey = (a: string | null, b: string | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US'));

/** `payments-team`, `Checkout web`, `No owner`: a row as people read it. */
export function groupLabel(
  group: Pick<ScorecardGroup, 'key' | 'entity'>,
  groupBy: ScorecardGroupBy,
): string {
  if (group.key === null) return NO_KEY_LABELS[groupBy];
  if (group.entity?.title) return group.entity.title;
  try {
    return humanizeEntityRef(parseEntityRef(group.key), {
      defaultKind: DEFAULT_KIND[groupBy],
    });
  } catch {
    return group.key;
  }
}

/** `↑ 2.5`, `↓ 1`, `0`; `—` when there is nothing to compare with. */
export function meanChangeText(change: ScorecardChange | undefined): string {
  const delta = change?.meanScore;
  if (delta === undefined || delta === null) return '—';
  if (delta > 0) return `↑ ${delta}`;
  if (delta < 0) return `↓ ${-delta}`;
  return '0';
}

/** `Mean score up 2.5 since Apr 14, 2026`, for screen readers and the tooltip. */
export function meanChangeLabel(change: ScorecardChange | undefined): string {
  if (!change) return 'No earlier snapshot to compare with';
  const since = formatDay(change.since.slice(0, 10));
  const delta = change.meanScore;
  if (delta === null) return `No mean score to compare with on ${since}`;
  if (delta === 0) return `Mean score unchanged since ${since}`;
  return `Mean score ${delta > 0 ? 'up' : 'down'} ${Math.abs(
    delta,
  )} since ${since}`;
}
