import { useApi } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ROLLUP_PAGE_MAX,
  RollupResponse,
} from '@case-studies/plugin-case-studies-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { CaseStudiesApi, caseStudiesApiRef } from '../../api';

/**
 * A whole roll-up: the first page's totals and teams, with the entities of
 * every page (read `ROLLUP_PAGE_MAX` at a time, following `nextCursor`).
 */
export async function loadRollup(
  api: CaseStudiesApi,
  entityRef: CompoundEntityRef,
  options: { recursive?: boolean } = {},
): Promise<RollupResponse> {
  const read = (cursor?: string) =>
    api.getProgress(entityRef, {
      ...(options.recursive === undefined
        ? {}
        : { recursive: options.recursive }),
      limit: ROLLUP_PAGE_MAX,
      ...(cursor ? { cursor } : {}),
    });
  const first = await read();
  const entities = [...first.entities];
  const seen = new Set<string>();
  let cursor = first.nextCursor;
  // a cursor seen before would loop forever; stop rather than trust it
  while (cursor && !seen.has(cursor)) {
    seen.add(cursor);
    const page = await read(cursor);
    entities.push(...page.entities);
    cursor = page.nextCursor;
  }
  return {
    ...first,
    teams: first.teams ?? [],
    entities,
    nextCursor: undefined,
  };
}

/**
 * The roll-up of a group, system, domain or user, every page of it, with
 * `retry`. `recursive` is sent only when given (groups: include sub-teams).
 */
export function useRollup(
  entity: Entity,
  options: { recursive?: boolean } = {},
) {
  const api = useApi(caseStudiesApiRef);
  const ref = stringifyEntityRef(entity);
  const { recursive } = options;
  return useAsyncRetry(
    () => loadRollup(api, getCompoundEntityRef(entity), { recursive }),
    // the entity object changes on every catalog refresh; its ref does not
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref, recursive],
  );
}
