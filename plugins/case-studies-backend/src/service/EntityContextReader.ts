import {
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { JsonValue } from '@backstage/types';
import { EntityContext, readEntityContext } from './readEntityContext';

/** How long a caller's view of an entity and its neighbours is reused. */
const CONTEXT_TTL_MS = 15_000;

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `${principal.type}:${principal.subject}`;
}

/**
 * Reads entity contexts from the catalog with the caller's credentials and
 * keeps each caller's view for a few seconds. A guidance request needs up to
 * five catalog reads; the catalog changes on its refresh cycle (minutes), so
 * reusing a caller's own recent reads costs no freshness that matters while
 * keeping every caller to what the catalog lets them see. Checklist states are
 * never cached: they come from the store on every request.
 */
export class EntityContextReader {
  private readonly cache: CacheService;

  constructor(private readonly catalog: CatalogService, cache: CacheService) {
    this.cache = cache.withOptions({ defaultTtl: CONTEXT_TTL_MS });
  }

  async read(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityContext> {
    const key = `entity-context:v1:${principalKey(
      credentials,
    )}:${stringifyEntityRef(ref).toLocaleLowerCase('en-US')}`;
    const cached = (await this.cache.get(key)) as EntityContext | undefined;
    if (cached) return cached;

    const context = await readEntityContext({
      catalog: this.catalog,
      ref,
      credentials,
    });
    await this.cache.set(key, context as unknown as JsonValue);
    return context;
  }
}
