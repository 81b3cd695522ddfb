import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistUpdateRequest,
  EntityScoreHistoryResponse,
  GuidanceResponse,
  KnowledgeBase,
  Rollout,
  RolloutInput,
  RolloutListResponse,
  RolloutPatch,
  RolloutProgressResponse,
  RolloutResponse,
  RolloutState,
  RollupPageResponse,
  ScorecardFilters,
  ScorecardGroupBy,
  ScorecardHistoryResponse,
  ScorecardReport,
} from '@case-studies/plugin-case-studies-common';

/** Options of {@link CaseStudiesApi.getChecklistHistory}. @public */
export interface ChecklistHistoryOptions {
  /** only the changes of this checklist item */
  itemId?: string;
  /** at most this many entries (the backend caps it at 200) */
  limit?: number;
  /** `nextCursor` of the previous page, to read older entries */
  cursor?: string;
}

/** Options of {@link CaseStudiesApi.getProgress}. @public */
export interface ProgressOptions {
  /** for groups (and users): include the entities of sub-teams; the backend's default is `true` */
  recursive?: boolean;
  /** entities per page, at most `ROLLUP_PAGE_MAX` (500) */
  limit?: number;
  /** `nextCursor` of the previous page */
  cursor?: string;
}

/** Options of {@link CaseStudiesApi.getScorecard} and {@link CaseStudiesApi.downloadScorecardCsv}. @public */
export interface ScorecardOptions extends ScorecardFilters {
  /** the backend's default is `owner`; `none` gives one row per entity */
  groupBy?: ScorecardGroupBy;
  /** compute the report now instead of reading the latest snapshot */
  live?: boolean;
}

/** Options of {@link CaseStudiesApi.getScorecardHistory}. @public */
export interface ScorecardHistoryOptions extends ScorecardFilters {
  groupBy?: ScorecardGroupBy;
  /** first day, YYYY-MM-DD; the backend's default is 90 days before `to` */
  from?: string;
  /** last day, YYYY-MM-DD; the backend's default is today */
  to?: string;
}

/** Options of {@link CaseStudiesApi.listRollouts}: each narrows the list. @public */
export interface RolloutListOptions {
  state?: RolloutState;
  /** only rollouts whose target includes this entity (a full entity ref) */
  entity?: string;
  /** only rollouts targeting an entity this group owns (a full group ref) */
  team?: string;
}

/** A file the backend sent, ready to be saved. @public */
export interface DownloadedFile {
  /** the name the backend gave it in `Content-Disposition` */
  filename: string;
  blob: Blob;
}

/** The Case Studies backend, as the frontend sees it. @public */
export interface CaseStudiesApi {
  /** The whole knowledge base: companies, lessons, patterns, antipatterns, checklist items, with their sources. */
  getKnowledge(): Promise<KnowledgeBase>;
  /** The guidance for a catalog entity, with its stored checklist states and progress. */
  getGuidance(entity: CompoundEntityRef): Promise<GuidanceResponse>;
  /** The guidance for an entity that need not be in the catalog (no stored checklist states). */
  match(
    entity: Entity,
    options?: { relatedEntities?: Entity[] },
  ): Promise<GuidanceResponse>;
  /**
   * Changes the status of one checklist item. Rejects with a
   * {@link ChecklistConflictError} when someone else changed the item since
   * `update.version`, and with a `ResponseError` otherwise (403 for a caller
   * who does not own the entity, 400 for bad input, 404 for an unknown item).
   */
  updateChecklistItem(
    entity: CompoundEntityRef,
    itemId: string,
    update: ChecklistUpdateRequest,
  ): Promise<ChecklistItemState>;
  /** The audit trail of an entity's checklist, newest first. */
  getChecklistHistory(
    entity: CompoundEntityRef,
    options?: ChecklistHistoryOptions,
  ): Promise<ChecklistHistoryPage>;
  /**
   * The roll-up of a group (its entities, through sub-teams unless
   * `recursive` is false), a system (its components), a domain (its
   * systems) or a user (the user's groups): one page of scored entities,
   * with totals over all of them. Rejects for other kinds.
   */
  getProgress(
    entity: CompoundEntityRef,
    options?: ProgressOptions,
  ): Promise<RollupPageResponse>;
  /**
   * The scorecard report: one row per owner, system or domain (or entity)
   * over every entity the caller can see, from the latest snapshot unless
   * `live`, with the change since the snapshot before.
   */
  getScorecard(options?: ScorecardOptions): Promise<ScorecardReport>;
  /** The trend of every group (and over all of them) across the snapshots of a period. */
  getScorecardHistory(
    options?: ScorecardHistoryOptions,
  ): Promise<ScorecardHistoryResponse>;
  /** One entity's score at each snapshot, oldest first. */
  getEntityScoreHistory(
    entity: CompoundEntityRef,
  ): Promise<EntityScoreHistoryResponse>;
  /** The scorecard report as a CSV file, with the file name the backend gave it. */
  downloadScorecardCsv(options?: ScorecardOptions): Promise<DownloadedFile>;
  /** The rollouts, newest first, narrowed by state, targeted entity or team. */
  listRollouts(options?: RolloutListOptions): Promise<RolloutListResponse>;
  /** One rollout with the history of its changes. */
  getRollout(id: string): Promise<RolloutResponse>;
  /** Creates a rollout; a `ResponseError` with 403 without the manage permission, 400 naming a bad field. */
  createRollout(input: RolloutInput): Promise<Rollout>;
  /**
   * Changes a rollout. Rejects with a {@link RolloutConflictError} when
   * someone else changed it since `patch.version`, and with a
   * `ResponseError` otherwise (403, 400, 404).
   */
  updateRollout(id: string, patch: RolloutPatch): Promise<Rollout>;
  /** Where a rollout stands: per entity, per team, in total, and day by day. */
  getRolloutProgress(id: string): Promise<RolloutProgressResponse>;
  /** Approves an entity's exemption of one of the rollout's items (platform-group members). */
  approveExemption(
    id: string,
    entityRef: string,
    itemId: string,
  ): Promise<void>;
}

/** @public */
export const caseStudiesApiRef = createApiRef<CaseStudiesApi>({
  id: 'plugin.case-studies.service',
});
