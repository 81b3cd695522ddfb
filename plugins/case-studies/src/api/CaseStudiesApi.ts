import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistUpdateRequest,
  GuidanceResponse,
  KnowledgeBase,
  RollupResponse,
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
  ): Promise<RollupResponse>;
}

/** @public */
export const caseStudiesApiRef = createApiRef<CaseStudiesApi>({
  id: 'plugin.case-studies.service',
});
