import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** The entity of the test catalogs that mallory may not see. */
export const HIDDEN_FROM_MALLORY = 'component:default/hidden-service';

/**
 * The in-memory catalog, counting calls, and hiding one entity from mallory
 * as a permission policy would.
 */
export function countingCatalog(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  const calls: string[] = [];
  const visible = (credentials: BackstageCredentials) => (e?: Entity) =>
    e !== undefined &&
    !(
      (credentials.principal as { userEntityRef?: string }).userEntityRef ===
        'user:default/mallory' && stringifyEntityRef(e) === HIDDEN_FROM_MALLORY
    );
  const catalog: CatalogService = {
    ...inner,
    async getEntityByRef(ref, options) {
      calls.push('getEntityByRef');
      const entity = await inner.getEntityByRef(ref, options);
      return visible(options.credentials)(entity) ? entity : undefined;
    },
    async getEntitiesByRefs(request, options) {
      calls.push('getEntitiesByRefs');
      const response = await inner.getEntitiesByRefs(request, options);
      return {
        items: response.items.map(e =>
          visible(options.credentials)(e) ? e : undefined,
        ),
      };
    },
    async queryEntities(request, options) {
      calls.push('queryEntities');
      const response = await inner.queryEntities(request, options);
      return {
        ...response,
        items: response.items.filter(visible(options.credentials)),
      };
    },
    async getEntities(request, options) {
      calls.push('getEntities');
      const response = await inner.getEntities(request, options);
      return { items: response.items.filter(visible(options.credentials)) };
    },
  };
  return { catalog, calls };
}
