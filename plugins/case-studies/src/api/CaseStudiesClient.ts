import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistUpdateRequest,
  GuidanceResponse,
  KnowledgeBase,
  RollupResponse,
  RollupScope,
} from '@case-studies/plugin-case-studies-common';
import {
  CaseStudiesApi,
  ChecklistHistoryOptions,
  ProgressOptions,
} from './CaseStudiesApi';
import { ChecklistConflictError } from './ChecklistConflictError';
import { rollupScopeOf } from './rollupScope';

/** Where each kind's roll-up is served. */
const ROLLUP_COLLECTIONS: Record<RollupScope, string> = {
  group: 'groups',
  system: 'systems',
  domain: 'domains',
  user: 'users',
};

function entityPath(entity: CompoundEntityRef): string {
  return [entity.kind, entity.namespace, entity.name]
    .map(part => encodeURIComponent(part))
    .join('/');
}

/** `?a=1&b=2` of the options that are set, or nothing. */
function queryString(
  options: Record<string, string | number | boolean | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

function isItemState(value: unknown): value is ChecklistItemState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<ChecklistItemState>;
  return (
    typeof state.itemId === 'string' &&
    typeof state.status === 'string' &&
    typeof state.version === 'number'
  );
}

/** Talks to `/api/case-studies` with the signed-in user's credentials. @public */
export class CaseStudiesClient implements CaseStudiesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getKnowledge(): Promise<KnowledgeBase> {
    return this.request('/knowledge');
  }

  async getGuidance(entity: CompoundEntityRef): Promise<GuidanceResponse> {
    return this.request(`/entities/${entityPath(entity)}/guidance`);
  }

  async match(
    entity: Entity,
    options: { relatedEntities?: Entity[] } = {},
  ): Promise<GuidanceResponse> {
    return this.request('/match', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        entity,
        ...(options.relatedEntities
          ? { relatedEntities: options.relatedEntities }
          : {}),
      }),
    });
  }

  async updateChecklistItem(
    entity: CompoundEntityRef,
    itemId: string,
    update: ChecklistUpdateRequest,
  ): Promise<ChecklistItemState> {
    try {
      return await this.request(
        `/entities/${entityPath(entity)}/checklist/${encodeURIComponent(
          itemId,
        )}`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(update),
        },
      );
    } catch (error) {
      // A 409 carries the state that won, next to the Backstage error body.
      if (error instanceof ResponseError && error.statusCode === 409) {
        const current = (error.body as { current?: unknown }).current;
        if (isItemState(current)) {
          throw new ChecklistConflictError(current, error);
        }
      }
      throw error;
    }
  }

  async getChecklistHistory(
    entity: CompoundEntityRef,
    options: ChecklistHistoryOptions = {},
  ): Promise<ChecklistHistoryPage> {
    const suffix = queryString({
      itemId: options.itemId,
      limit: options.limit || undefined,
      cursor: options.cursor,
    });
    return this.request(
      `/entities/${entityPath(entity)}/checklist/history${suffix}`,
    );
  }

  async getProgress(
    entity: CompoundEntityRef,
    options: ProgressOptions = {},
  ): Promise<RollupResponse> {
    const scope = rollupScopeOf(entity.kind);
    if (!scope) {
      throw new InputError(
        `Roll-ups are of groups, systems, domains and users, not of ${entity.kind} entities`,
      );
    }
    const path = [entity.namespace, entity.name]
      .map(part => encodeURIComponent(part))
      .join('/');
    const suffix = queryString({
      recursive: options.recursive,
      limit: options.limit || undefined,
      cursor: options.cursor,
    });
    return this.request(
      `/${ROLLUP_COLLECTIONS[scope]}/${path}/progress${suffix}`,
    );
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('case-studies');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
