import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ChecklistHistoryPage,
  ChecklistItemState,
  ChecklistUpdateRequest,
  KnowledgeBase,
} from '@case-studies/plugin-case-studies-common';

/** The Case Studies backend, as the frontend sees it. @public */
export interface CaseStudiesApi {
  getKnowledge(): Promise<KnowledgeBase>;
  updateChecklistItem(
    entity: CompoundEntityRef,
    itemId: string,
    update: ChecklistUpdateRequest,
  ): Promise<ChecklistItemState>;
  getChecklistHistory(
    entity: CompoundEntityRef,
    options?: { itemId?: string; limit?: number; cursor?: string },
  ): Promise<ChecklistHistoryPage>;
}

/** @public */
export const caseStudiesApiRef = createApiRef<CaseStudiesApi>({
  id: 'plugin.case-studies.service',
});
