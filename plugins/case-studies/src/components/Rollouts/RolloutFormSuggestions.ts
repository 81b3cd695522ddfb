import { useApiHolder } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  type CatalogApi,
} from '@backstage/plugin-catalog-react';
import { ROLLOUT_TARGET_FIELDS } from '@case-studies/plugin-case-studies-common';
import useAsync from 'react-use/esm/useAsync';
import type { RolloutTargetField } from './rolloutFormValues';

/** Kinds offered even before the catalog answers: the ones rollouts usually target. */
export const COMMON_KINDS = ['component', 'api', 'resource', 'system'];

/** One request for every field's suggestions; each facet's values are the catalog's (lower case). */
export const SUGGESTION_FACETS = [
  'kind',
  'spec.type',
  'spec.lifecycle',
  'metadata.tags',
  'relations.ownedBy',
  'relations.partOf',
];

export type TargetSuggestions = Record<RolloutTargetField, string[]>;

type Facets = Awaited<ReturnType<CatalogApi['getEntityFacets']>>['facets'];

const sorted = (values: Iterable<string>) =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** The suggestions of each target field from the catalog's facets: `partOf` refs split into systems and domains. */
export function targetSuggestionsOf(facets: Facets): TargetSuggestions {
  const values = (facet: string) =>
    (facets[facet] ?? []).map(entry => entry.value).filter(Boolean);
  const partOf = values('relations.partOf');
  return {
    kinds: sorted([
      ...COMMON_KINDS,
      ...values('kind').map(kind => kind.toLocaleLowerCase('en-US')),
    ]),
    types: sorted(values('spec.type')),
    owners: sorted(values('relations.ownedBy')),
    systems: sorted(partOf.filter(ref => ref.startsWith('system:'))),
    domains: sorted(partOf.filter(ref => ref.startsWith('domain:'))),
    tags: sorted(values('metadata.tags')),
    lifecycles: sorted(values('spec.lifecycle')),
  };
}

const noSuggestions = (): TargetSuggestions => ({
  ...(Object.fromEntries(
    ROLLOUT_TARGET_FIELDS.map(field => [field, []]),
  ) as unknown as TargetSuggestions),
  kinds: [...COMMON_KINDS],
});

/**
 * Values to suggest for a target, from the catalog. Suggestions are a
 * convenience: without a catalog API, or when the request fails, every field
 * still takes typed values (`unavailable` says so).
 */
export function useTargetSuggestions(): {
  suggestions: TargetSuggestions;
  unavailable: boolean;
} {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const state = useAsync(async () => {
    if (!catalogApi) throw new Error('No catalog API');
    const response = await catalogApi.getEntityFacets({
      facets: SUGGESTION_FACETS,
    });
    return targetSuggestionsOf(response.facets);
  }, [catalogApi]);
  return {
    suggestions: state.value ?? noSuggestions(),
    unavailable: Boolean(state.error),
  };
}
