import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistUpdateRequest,
  KnowledgeBase,
} from '@case-studies/plugin-case-studies-common';
import { CaseStudiesApi } from './CaseStudiesApi';

function entityPath(entity: CompoundEntityRef): string {
  return [entity.kind, entity.namespace, entity.name]
    .map(part => encodeURIComponent(part))
    .join('/');
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

  async updateChecklistItem(
    entity: CompoundEntityRef,
    itemId: string,
    update: ChecklistUpdateRequest,
  ): Promise<ChecklistItemState> {
    return this.request(
      `/entities/${entityPath(entity)}/checklist/${encodeURIComponent(itemId)}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(update),
      },
    );
  }

  async getChecklistHistory(
    entity: CompoundEntityRef,
    options: { itemId?: string; limit?: number; cursor?: string } = {},
  ): Promise<ChecklistHistoryPage> {
    const query = new URLSearchParams();
    if (options.itemId) query.set('itemId', options.itemId);
    if (options.limit) query.set('limit', String(options.limit));
    if (options.cursor) query.set('cursor', options.cursor);
    const suffix = query.toString() ? `?${query}` : '';
    return this.request(
      `/entities/${entityPath(entity)}/checklist/history${suffix}`,
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
