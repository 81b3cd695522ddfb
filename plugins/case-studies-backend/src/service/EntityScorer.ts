import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  countedChecklist,
  Guidance,
  KnowledgeBase,
  ScorecardEntityRow,
  ScoredEntityWithItems,
  scoreEntity,
  ScoringRules,
} from '@case-studies/plugin-case-studies-common';
import { ChecklistStore } from '../database/ChecklistStore';
import { normalisedRef, titleOf } from './entityRefs';
import { GuidanceService } from './GuidanceService';
import {
  EntityContext,
  OwnedComponents,
  readEntityContexts,
  relationTargets,
} from './readEntityContext';

/** Guidance the caller has computed recently, if any (see GuidanceCache.peek). */
export type CachedGuidanceLookup = (
  entityRef: string,
  credentials: BackstageCredentials,
) => Guidance | undefined;

function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** What one scoring pass reads besides the entities themselves. */
export interface ScoringReads {
  /** entities read in full already, not to be read again */
  known?: Entity[];
  /** component counts of owners whose every component was read */
  ownedComponents?: ReadonlyMap<string, OwnedComponents>;
  /** reuse guidance the caller computed recently (roll-ups do; snapshots do not) */
  reuseCachedGuidance?: boolean;
}

/** An entity scored, with the catalog context its guidance was computed from. */
interface Scored {
  entity: Entity;
  scored: ScoredEntityWithItems;
  /** absent when cached guidance was reused */
  context?: EntityContext;
}

/**
 * Scores many entities at once, the way their own tabs would: neighbours in
 * batched catalog reads with the given credentials, checklist states in one
 * store call, guidance from the matching engine, the score from the common
 * rules. Roll-ups and scorecard snapshots are both made of this.
 */
export class EntityScorer {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      knowledge: KnowledgeBase;
      scoring: ScoringRules;
      guidanceService: GuidanceService;
      checklistStore: ChecklistStore;
      cachedGuidance?: CachedGuidanceLookup;
    },
  ) {}

  get knowledgeVersion(): string {
    return this.options.knowledge.version;
  }

  /** Scores entities; `teamOf` names each one's team in the roll-up. */
  async score(
    entities: Entity[],
    credentials: BackstageCredentials,
    reads: ScoringReads & { teamOf?: ReadonlyMap<string, string> } = {},
  ): Promise<ScoredEntityWithItems[]> {
    const scored = await this.scoreWithContext(entities, credentials, reads);
    return scored.map(s => s.scored);
  }

  /**
   * Scorecard rows of entities: each score with the entity's owner, system
   * and domain as the catalog relates them.
   */
  async scorecardRows(
    entities: Entity[],
    credentials: BackstageCredentials,
    options: ScoringReads & { takenAt: Date },
  ): Promise<ScorecardEntityRow[]> {
    const scored = await this.scoreWithContext(entities, credentials, options);
    const takenAt = options.takenAt.toISOString();
    return scored.map(({ entity, scored: s, context }) => {
      const system = context?.neighbours.system?.entity;
      const domain = context?.neighbours.domain;
      return {
        entityRef: s.entityRef,
        kind: s.kind,
        type: s.type,
        lifecycle: s.lifecycle,
        title: s.title,
        owner: relationTargets(entity, RELATION_OWNED_BY)[0],
        system: system ? stringifyEntityRef(system) : undefined,
        domain: domain ? stringifyEntityRef(domain) : undefined,
        score: s.score.score,
        level: s.score.level,
        done: s.done,
        applicable: s.applicable,
        exempted: s.exempted,
        warnings: s.warnings,
        knowledgeVersion: this.options.knowledge.version,
        takenAt,
      };
    });
  }

  private async scoreWithContext(
    entities: Entity[],
    credentials: BackstageCredentials,
    reads: ScoringReads & { teamOf?: ReadonlyMap<string, string> },
  ): Promise<Scored[]> {
    const { catalog, guidanceService, checklistStore, knowledge, scoring } =
      this.options;
    const refs = entities.map(entity => stringifyEntityRef(entity));
    const cached = new Map<string, Guidance>();
    if (reads.reuseCachedGuidance) {
      for (const ref of refs) {
        const guidance = this.options.cachedGuidance?.(ref, credentials);
        if (guidance) cached.set(normalisedRef(ref), guidance);
      }
    }
    const [contexts, states] = await Promise.all([
      readEntityContexts({
        catalog,
        entities: entities.filter(
          entity => !cached.has(normalisedRef(stringifyEntityRef(entity))),
        ),
        credentials,
        known: reads.known,
        ownedComponents: reads.ownedComponents,
      }),
      checklistStore.getStatesForEntities(refs),
    ]);

    return entities.map((entity, index) => {
      const ref = refs[index];
      const key = normalisedRef(ref);
      const context = contexts.get(key);
      const guidance =
        cached.get(key) ?? guidanceService.evaluate(context!).guidance;
      const checklist = countedChecklist({
        entity,
        guidance,
        knowledge,
        states: states.get(ref) ?? [],
      });
      return {
        entity,
        context,
        scored: scoreEntity({
          identity: {
            entityRef: ref,
            kind: entity.kind,
            type: stringAt(entity.spec?.type),
            name: entity.metadata.name,
            namespace: entity.metadata.namespace ?? 'default',
            title: titleOf(entity),
            lifecycle: stringAt(entity.spec?.lifecycle),
            team: reads.teamOf?.get(key),
          },
          checklist,
          antipatterns: guidance.antipatterns,
          rules: scoring,
        }),
      };
    });
  }
}
