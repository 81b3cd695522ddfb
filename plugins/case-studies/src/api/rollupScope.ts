import type { RollupScope } from '@case-studies/plugin-case-studies-common';

const SCOPES: Record<string, RollupScope> = {
  group: 'group',
  system: 'system',
  domain: 'domain',
  user: 'user',
};

/**
 * The roll-up an entity kind has: a group's, system's, domain's or user's;
 * `undefined` for kinds that get service guidance instead (case-insensitive,
 * as catalog kinds are).
 *
 * @public
 */
export function rollupScopeOf(kind: string): RollupScope | undefined {
  return SCOPES[kind.toLocaleLowerCase('en-US')];
}
