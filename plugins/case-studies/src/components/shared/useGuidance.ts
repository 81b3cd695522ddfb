import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { caseStudiesApiRef } from '../../api';

/** The guidance for an entity, with `retry` to load it again. */
export function useGuidance(entity: Entity) {
  const api = useApi(caseStudiesApiRef);
  const ref = stringifyEntityRef(entity);
  return useAsyncRetry(
    () => api.getGuidance(getCompoundEntityRef(entity)),
    // the entity object changes on every catalog refresh; its ref does not
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref],
  );
}
