import { Entity } from '@backstage/catalog-model';
import {
  ChecklistApplicability,
  ChecklistItemState,
  entityChecklist,
  guidance,
  GuidanceResponse,
  KnowledgeBase,
  neighboursFromEntities,
  profile,
  ServiceProfile,
} from '@case-studies/plugin-case-studies-common';
import { EntityContext } from './readEntityContext';

/** Runs the matching engine of the common package over catalog data. */
export class GuidanceService {
  constructor(private readonly knowledge: KnowledgeBase) {}

  /** Guidance for a catalog entity, joined with its stored checklist states. */
  forCatalogEntity(
    context: EntityContext,
    states: ChecklistItemState[],
  ): GuidanceResponse {
    return this.respond(
      context.entity,
      profile(context.entity, context.neighbours),
      states,
    );
  }

  /** Guidance for an entity that need not be in the catalog (`POST /match`). */
  forStandaloneEntity(
    entity: Entity,
    relatedEntities: Entity[],
  ): GuidanceResponse {
    return this.respond(
      entity,
      profile(entity, neighboursFromEntities(entity, relatedEntities)),
      [],
    );
  }

  /** Whether one checklist item applies to the entity, and why; undefined for an unknown item. */
  checklistApplicability(
    context: EntityContext,
    itemId: string,
  ): ChecklistApplicability | undefined {
    const result = guidance(
      profile(context.entity, context.neighbours),
      this.knowledge,
    );
    return result.checklist.find(item => item.id === itemId);
  }

  private respond(
    entity: Entity,
    serviceProfile: ServiceProfile,
    states: ChecklistItemState[],
  ): GuidanceResponse {
    const result = guidance(serviceProfile, this.knowledge);
    const checklist = entityChecklist({
      entity,
      guidance: result,
      knowledge: this.knowledge,
      states,
    });
    return {
      ...result,
      profile: serviceProfile,
      checklist: checklist.items,
      progress: checklist.progress,
    };
  }
}
