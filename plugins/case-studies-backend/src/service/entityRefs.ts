import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * An entity ref as stored and cached: the catalog compares refs
 * case-insensitively, so one entity has one key. (`toLowerCase` maps as the
 * catalog's `toLocaleLowerCase('en-US')` does, which only Turkish, Azeri and
 * Lithuanian locales would change, and costs a sixth as much; roll-ups call
 * it for every neighbour of every entity.)
 */
export function normalisedRef(ref: string | CompoundEntityRef): string {
  return (
    typeof ref === 'string' ? ref : stringifyEntityRef(ref)
  ).toLowerCase();
}

/**
 * Who is asking, as a cache key: each caller's views are kept apart, since
 * the catalog may show callers different entities.
 */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `${principal.type}:${principal.subject}`;
}

/** An entity's `metadata.title`, when it is a string. */
export function titleOf(
  entity: { metadata: { title?: unknown } } | undefined,
): string | undefined {
  const title = entity?.metadata.title;
  return typeof title === 'string' ? title : undefined;
}
