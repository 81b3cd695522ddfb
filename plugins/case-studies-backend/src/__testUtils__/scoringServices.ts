import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_SCORING_RULES,
  KnowledgeBase,
} from '@case-studies/plugin-case-studies-common';
import { ChecklistStore } from '../database/ChecklistStore';
import { EntityScorer } from '../service/EntityScorer';
import { GuidanceService } from '../service/GuidanceService';
import { loadKnowledge } from '../service/loadKnowledge';
import { readEntityContext } from '../service/readEntityContext';

/** The built-in knowledge base, as the plugin loads it without configuration. */
export function loadBuiltInKnowledge(): Promise<KnowledgeBase> {
  return loadKnowledge({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
}

/**
 * The guidance and scoring services over a catalog and a checklist store,
 * with the default rules, and `guidanceAlone`: an entity's guidance as its
 * own tab computes it, to compare batched results with.
 */
export function scoringServices(options: {
  catalog: CatalogService;
  checklistStore: ChecklistStore;
  knowledge: KnowledgeBase;
}) {
  const { catalog, checklistStore, knowledge } = options;
  const guidanceService = new GuidanceService(knowledge, DEFAULT_SCORING_RULES);
  const scorer = new EntityScorer({
    catalog,
    knowledge,
    scoring: DEFAULT_SCORING_RULES,
    guidanceService,
    checklistStore,
  });
  const guidanceAlone = async (
    entityRef: string,
    credentials: BackstageCredentials,
  ) => {
    const context = await readEntityContext({
      catalog,
      ref: parseEntityRef(entityRef),
      credentials,
    });
    const { profile, guidance } = guidanceService.evaluate(context);
    return guidanceService.respond(
      context.entity,
      profile,
      guidance,
      await checklistStore.getStates(entityRef),
    );
  };
  return { guidanceService, scorer, guidanceAlone };
}
