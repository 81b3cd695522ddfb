import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistUpdateRequest,
  EntityScoreHistoryResponse,
  ExemptionApprovalRequest,
  GuidanceResponse,
  KnowledgeBase,
  Rollout,
  RolloutInput,
  RolloutListResponse,
  RolloutPatch,
  RolloutProgressResponse,
  RolloutResponse,
  RollupPageResponse,
  RollupScope,
  ScorecardHistoryResponse,
  ScorecardReport,
} from '@case-studies/plugin-case-studies-common';
import {
  CaseStudiesApi,
  ChecklistHistoryOptions,
  DownloadedFile,
  ProgressOptions,
  RolloutListOptions,
  ScorecardHistoryOptions,
  ScorecardOptions,
} from './CaseStudiesApi';
import { ChecklistConflictError } from './ChecklistConflictError';
import { RolloutConflictError } from './RolloutConflictError';
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

/** What the scorecard report and its history share in their query: grouping and filters. */
function groupingQuery(options: ScorecardOptions | ScorecardHistoryOptions) {
  return {
    groupBy: options.groupBy,
    kind: options.kind,
    type: options.type,
    lifecycle: options.lifecycle,
  };
}

function scorecardQuery(options: ScorecardOptions) {
  return { ...groupingQuery(options), live: options.live || undefined };
}

/** Used when a CSV arrives without a file name (the backend always sends one). */
const FALLBACK_CSV_FILENAME = 'case-studies-scorecard.csv';

/**
 * The file name in a `Content-Disposition` header: the RFC 5987 `filename*`
 * (percent-encoded, any charset prefix dropped) when there is one, else the
 * quoted or bare `filename`.
 */
function contentDispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (extended) {
    const value = extended[1].trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(value.replace(/^[^']*'[^']*'/, ''));
    } catch {
      // a malformed encoding; the plain filename may still be there
    }
  }
  const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;]+))/i.exec(header);
  if (!plain) return undefined;
  return plain[1] !== undefined
    ? plain[1].replace(/\\(.)/g, '$1')
    : plain[2].trim();
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

function isRollout(value: unknown): value is Rollout {
  if (typeof value !== 'object' || value === null) return false;
  const rollout = value as Partial<Rollout>;
  return (
    typeof rollout.id === 'string' &&
    typeof rollout.title === 'string' &&
    typeof rollout.version === 'number'
  );
}

/**
 * What won a conflict: a 409 carries it as `current`, next to the Backstage
 * error body. Undefined for any other error, or a 409 without it.
 */
function conflictCurrent<T>(
  error: unknown,
  isCurrent: (value: unknown) => value is T,
): { current: T; cause: ResponseError } | undefined {
  if (!(error instanceof ResponseError) || error.statusCode !== 409) {
    return undefined;
  }
  const current = (error.body as { current?: unknown }).current;
  return isCurrent(current) ? { current, cause: error } : undefined;
}

/** A JSON request body. */
function jsonBody(method: string, body: unknown): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

const rolloutPath = (id: string) => `/rollouts/${encodeURIComponent(id)}`;

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
    return this.request(
      '/match',
      jsonBody('POST', {
        entity,
        ...(options.relatedEntities
          ? { relatedEntities: options.relatedEntities }
          : {}),
      }),
    );
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
        jsonBody('PUT', update),
      );
    } catch (error) {
      const conflict = conflictCurrent(error, isItemState);
      if (conflict) {
        throw new ChecklistConflictError(conflict.current, conflict.cause);
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
  ): Promise<RollupPageResponse> {
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

  async getScorecard(options: ScorecardOptions = {}): Promise<ScorecardReport> {
    return this.request(`/scorecards${queryString(scorecardQuery(options))}`);
  }

  async getScorecardHistory(
    options: ScorecardHistoryOptions = {},
  ): Promise<ScorecardHistoryResponse> {
    const suffix = queryString({
      ...groupingQuery(options),
      from: options.from,
      to: options.to,
    });
    return this.request(`/scorecards/history${suffix}`);
  }

  async getEntityScoreHistory(
    entity: CompoundEntityRef,
  ): Promise<EntityScoreHistoryResponse> {
    return this.request(`/entities/${entityPath(entity)}/score/history`);
  }

  async downloadScorecardCsv(
    options: ScorecardOptions = {},
  ): Promise<DownloadedFile> {
    const suffix = queryString({ ...scorecardQuery(options), format: 'csv' });
    // through fetchApi, not a plain link, so the user's credentials go along
    const response = await this.fetch(`/scorecards${suffix}`);
    return {
      filename:
        contentDispositionFilename(
          response.headers.get('Content-Disposition'),
        ) ?? FALLBACK_CSV_FILENAME,
      blob: await response.blob(),
    };
  }

  async listRollouts(
    options: RolloutListOptions = {},
  ): Promise<RolloutListResponse> {
    const suffix = queryString({
      state: options.state,
      entity: options.entity,
      team: options.team,
    });
    return this.request(`/rollouts${suffix}`);
  }

  async getRollout(id: string): Promise<RolloutResponse> {
    return this.request(rolloutPath(id));
  }

  async createRollout(input: RolloutInput): Promise<Rollout> {
    return this.request('/rollouts', jsonBody('POST', input));
  }

  async updateRollout(id: string, patch: RolloutPatch): Promise<Rollout> {
    try {
      return await this.request(rolloutPath(id), jsonBody('PATCH', patch));
    } catch (error) {
      const conflict = conflictCurrent(error, isRollout);
      if (conflict) {
        throw new RolloutConflictError(conflict.current, conflict.cause);
      }
      throw error;
    }
  }

  async getRolloutProgress(id: string): Promise<RolloutProgressResponse> {
    return this.request(`${rolloutPath(id)}/progress`);
  }

  async approveExemption(
    id: string,
    entityRef: string,
    itemId: string,
  ): Promise<void> {
    await this.fetch(
      `${rolloutPath(id)}/approvals`,
      jsonBody('POST', {
        entityRef,
        itemId,
      } satisfies ExemptionApprovalRequest),
    );
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.fetch(path, init);
    return (await response.json()) as T;
  }

  /** The backend's response to `path`; a ResponseError unless it is a success. */
  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('case-studies');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
