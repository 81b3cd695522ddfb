import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  RollupScope,
  RollupTeam,
  SCORE_LEVELS,
  ScoredEntity,
  ScoreLevel,
  Severity,
} from '@case-studies/plugin-case-studies-common';
import { SEVERITY_ORDER } from '../shared/format';
import { LEVEL_LABELS } from '../shared/levels';

/** Highest level first, as people read a distribution. */
export const LEVELS_HIGHEST_FIRST: ScoreLevel[] = [...SCORE_LEVELS].reverse();

/** `payments-team`, or the team's title when the roll-up gives one. */
export function teamName(
  ref: string | undefined,
  teams: Pick<RollupTeam, 'entityRef' | 'title'>[],
): string {
  if (!ref) return '—';
  const team = teams.find(t => t.entityRef === ref);
  if (team?.title) return team.title;
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
  } catch {
    return ref;
  }
}

/** `1 gold, 2 silver`: the levels reached, highest first; `none` for none. */
export function levelsText(levels: Record<ScoreLevel, number>): string {
  const parts = LEVELS_HIGHEST_FIRST.filter(level => levels[level] > 0).map(
    level => `${levels[level]} ${LEVEL_LABELS[level].toLocaleLowerCase()}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** `1 critical, 2 medium`, most severe first; `No warnings` for none. */
export function warningsText(warnings: Record<Severity, number>): string {
  const parts = SEVERITY_ORDER.filter(s => warnings[s] > 0).map(
    s => `${warnings[s]} ${s}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'No warnings';
}

/** The `count` entities with the lowest scores, ties in entity-ref order. */
export function lowestScores(
  entities: ScoredEntity[],
  count: number,
): ScoredEntity[] {
  return [...entities]
    .sort(
      (a, b) =>
        a.score.score - b.score.score ||
        Number(a.entityRef > b.entityRef) - Number(a.entityRef < b.entityRef),
    )
    .slice(0, count);
}

/** How a roll-up speaks of what it is of. */
export const SCOPE_WORDING: Record<
  RollupScope,
  { title: string; empty: string; emptyDetail: string }
> = {
  group: {
    title: 'Team progress',
    empty: 'This team owns no entities yet',
    emptyDetail:
      'Entities whose spec.owner is this team (or, with sub-teams included, one of its sub-teams) are scored here.',
  },
  user: {
    title: 'Progress of this user’s teams',
    empty: 'This user and their teams own no entities yet',
    emptyDetail:
      'What this user owns, and what the groups the user is a member of own, is scored here.',
  },
  system: {
    title: 'System progress',
    empty: 'This system has no components or resources yet',
    emptyDetail:
      'Components and resources whose spec.system is this system are scored here.',
  },
  domain: {
    title: 'Domain progress',
    empty: 'The systems of this domain have no components or resources yet',
    emptyDetail:
      'The components and resources of the systems whose spec.domain is this domain are scored here.',
  },
};
