import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * An entity ref as stored and cached: the catalog compares refs
 * case-insensitively, so one entity has one key.
 */
export function normalisedRef(ref: string | CompoundEntityRef): string {
  return (
    typeof ref === 'string' ? ref : stringifyEntityRef(ref)
  ).toLocaleLowerCase('en-US');
}
