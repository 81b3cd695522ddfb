import { Entity } from '@backstage/catalog-model';
import {
  ChecklistItemState,
  entityChecklist,
  guidance,
  Guidance,
  GuidanceResponse,
  entityScore,
  KnowledgeBase,
  neighboursFromEntities,
  profile,
  ScoringRules,
  ServiceProfile,
} from '@case-studies/plugin-case-studies-common';
import { EntityContext } from './readEntityContext';

/** Runs the matching engine of the common package over catalog data. */
export class GuidanceService {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly scoring: ScoringRules,
  ) {}

  /** The profile of a catalog entity and the guidance for it, without stored states. */
  evaluate(context: EntityContext): {
    profile: ServiceProfile;
    guidance: Guidance;
  } {
    const serviceProfile = profile(context.entity, context.neighbours);
    return {
      profile: serviceProfile,
      guidance: guidance(serviceProfile, this.knowledge),
    };
  }

  /** Guidance for an entity that need not be in the catalog (`POST /match`). */
  forStandaloneEntity(
    entity: Entity,
    relatedEntities: Entity[],
  ): GuidanceResponse {
    const serviceProfile = profile(
      entity,
      neighboursFromEntities(entity, relatedEntities),
    );
    return this.respond(
      entity,
      serviceProfile,
      guidance(serviceProfile, this.knowledge),
      [],
    );
  }

  /** The guidance joined with stored checklist states and automatic evidence. */
  respond(
    entity: Entity,
    serviceProfile: ServiceProfile,
    result: Guidance,
    states: ChecklistItemState[],
  ): GuidanceResponse {
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
      score: entityScore(checklist.progress, result.antipatterns, this.scoring),
      scoring: this.scoring,
    };
  }
}
