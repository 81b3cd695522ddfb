import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  addDays,
  automaticEvidence,
  canTransition,
  caseStudiesRolloutManagePermission,
  ChecklistItem,
  daysBetween,
  effectiveState,
  ExemptionApprovalRequest,
  isEmptyTarget,
  isOverdue,
  KnowledgeBase,
  matchesTarget,
  percentOf,
  Rollout,
  RolloutCandidate,
  RolloutCounts,
  RolloutEntityProgress,
  RolloutInput,
  RolloutItemStatus,
  RolloutPatch,
  RolloutProgressResponse,
  RolloutResponse,
  rolloutItemStatus,
  RolloutState,
  SCORED_KINDS,
  snapshotDay,
} from '@case-studies/plugin-case-studies-common';
import { randomUUID } from 'crypto';
import { ChecklistStore } from '../database/ChecklistStore';
import { ExemptionApproval, RolloutStore } from '../database/RolloutStore';
import { normalisedRef, titleOf } from './entityRefs';
import {
  entitiesByRefs,
  kindOfRef,
  queryAllEntities,
  relationTargets,
} from './readEntityContext';

/** What target matching and progress read of every candidate entity. */
const CANDIDATE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.tags',
  'metadata.annotations',
  'metadata.links',
  'spec',
  'relations',
];

/** A rollout change that could not be accepted because the caller's version is stale. */
export class RolloutConflict {
  constructor(readonly rollout: Rollout) {}
}

function actorOf(credentials: BackstageCredentials): string {
  return (
    (credentials.principal as BackstageUserPrincipal).userEntityRef ?? 'unknown'
  );
}

function emptyCounts(): RolloutCounts {
  return {
    done: 0,
    inProgress: 0,
    todo: 0,
    exempted: 0,
    overdue: 0,
    percent: 0,
  };
}

/** Adds one item's status to counts. */
function count(
  counts: RolloutCounts,
  status: RolloutItemStatus,
  overdue: boolean,
) {
  if (status === 'done') counts.done += 1;
  else if (status === 'in-progress') counts.inProgress += 1;
  else if (status === 'todo') counts.todo += 1;
  else counts.exempted += 1;
  if (overdue) counts.overdue += 1;
}

function withPercent<T extends RolloutCounts>(counts: T): T {
  const counted =
    counts.done + counts.inProgress + counts.todo + counts.exempted;
  return {
    ...counts,
    percent: percentOf(counts.done, counted - counts.exempted),
  };
}

/**
 * Rollouts: a platform team's campaigns. Creating and changing one needs
 * `case-studies.rollout.manage`; reading is open to everyone signed in.
 * Which entities a rollout targets is decided with the plugin's own
 * credentials (so membership does not depend on who looks), and what a
 * caller is shown is narrowed to what the catalog lets them see.
 */
export class RolloutService {
  private readonly itemsById: Map<string, ChecklistItem>;

  constructor(
    private readonly options: {
      store: RolloutStore;
      checklistStore: ChecklistStore;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      knowledge: KnowledgeBase;
      clock?: () => Date;
    },
  ) {
    this.itemsById = new Map(options.knowledge.checklist.map(i => [i.id, i]));
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  async create(
    input: Required<RolloutInput>,
    credentials: BackstageCredentials,
  ): Promise<Rollout> {
    await this.authorise(credentials);
    this.validate(input);
    const now = this.now().toISOString();
    const actor = actorOf(credentials);
    const rollout: Rollout = {
      id: randomUUID(),
      ...input,
      version: 1,
      createdBy: actor,
      createdAt: now,
      updatedBy: actor,
      updatedAt: now,
    };
    await this.options.store.create(rollout);
    return rollout;
  }

  /**
   * Changes a rollout. A stale `version` is a {@link RolloutConflict} with
   * the stored rollout; a state change the rollout does not allow, unknown
   * items, an empty target or a due date before the start are InputErrors.
   */
  async update(
    id: string,
    patch: RolloutPatch,
    credentials: BackstageCredentials,
  ): Promise<Rollout | RolloutConflict> {
    await this.authorise(credentials);
    const { version, ...fields } = patch;
    let invalid: Error | undefined;
    const result = await this.options.store.update({
      id,
      expectedVersion: version,
      actor: actorOf(credentials),
      now: this.now(),
      change: current => {
        const next = { ...current, ...fields };
        try {
          this.validate(next);
          if (!canTransition(current.state, next.state)) {
            throw new InputError(
              `Invalid request: body.state: a ${current.state} rollout cannot become ${next.state}`,
            );
          }
        } catch (error) {
          invalid = error as Error;
          return {};
        }
        return fields;
      },
    });
    if (!result) throw new NotFoundError(`No rollout ${id}`);
    if (result.outcome === 'conflict')
      return new RolloutConflict(result.rollout);
    if (invalid) throw invalid;
    return result.rollout;
  }

  async get(id: string): Promise<RolloutResponse> {
    const rollout = await this.options.store.get(id);
    if (!rollout) throw new NotFoundError(`No rollout ${id}`);
    return { rollout, history: await this.options.store.getHistory(id) };
  }

  /**
   * Approves an entity's current exemption of one of the rollout's items
   * (platform-group members only). The approval is of that exemption's
   * version: a changed exemption needs approving again.
   */
  async approveExemption(
    id: string,
    request: ExemptionApprovalRequest,
    credentials: BackstageCredentials,
  ): Promise<ExemptionApproval> {
    await this.authorise(credentials);
    const rollout = await this.options.store.get(id);
    if (!rollout) throw new NotFoundError(`No rollout ${id}`);
    if (!rollout.requireExemptionApproval) {
      throw new InputError(
        `Invalid request: rollout ${id} does not require exemptions to be approved`,
      );
    }
    if (!rollout.itemIds.includes(request.itemId)) {
      throw new InputError(
        `Invalid request: body.itemId: "${request.itemId}" is not an item of this rollout`,
      );
    }
    const entity = await this.options.catalog.getEntityByRef(
      request.entityRef,
      { credentials },
    );
    if (!entity) throw new NotFoundError(`No entity ${request.entityRef}`);
    const entityRef = stringifyEntityRef(entity);
    const state = (await this.options.checklistStore.getStates(entityRef)).find(
      s => s.itemId === request.itemId,
    );
    if (state?.status !== 'not-applicable') {
      throw new InputError(
        `Invalid request: body.entityRef: ${entityRef} has no exemption of ${request.itemId} to approve`,
      );
    }
    return this.options.store.approveExemption(id, {
      entityRef,
      itemId: request.itemId,
      exemptionVersion: state.version,
      approvedBy: actorOf(credentials),
      approvedAt: this.now().toISOString(),
    });
  }

  /**
   * Rollouts, newest first: in a state, targeting an entity (by its catalog
   * data now), or targeting anything a team owns.
   */
  async list(options: {
    state?: RolloutState;
    entity?: string;
    team?: string;
    credentials: BackstageCredentials;
  }): Promise<Rollout[]> {
    let rollouts = await this.options.store.list({
      states: options.state ? [options.state] : undefined,
    });
    if (options.entity) {
      const [entity] = await entitiesByRefs(
        this.options.catalog,
        [options.entity],
        options.credentials,
        CANDIDATE_FIELDS,
      );
      if (!entity) throw new NotFoundError(`No entity ${options.entity}`);
      const [candidate] = await this.candidates([entity], options.credentials);
      rollouts = rollouts.filter(r => matchesTarget(candidate, r.target));
    }
    if (options.team) {
      const owned = await queryAllEntities(
        this.options.catalog,
        {
          kinds: [...SCORED_KINDS],
          filter: { 'relations.ownedBy': options.team },
          fields: CANDIDATE_FIELDS,
        },
        options.credentials,
      );
      const candidates = await this.candidates(owned, options.credentials);
      rollouts = rollouts.filter(r =>
        candidates.some(candidate => matchesTarget(candidate, r.target)),
      );
    }
    return rollouts;
  }

  /**
   * Progress of a rollout now: the entities targeted now (recorded as
   * members from the first time they are), each item's status, overdue
   * after the due date, totals per team, members that left the target, and
   * a burn-up of done items per day from the checklist history (left out,
   * as an empty series, with `burnUp: false`).
   */
  async progress(
    id: string,
    credentials: BackstageCredentials,
    options: { burnUp?: boolean } = {},
  ): Promise<RolloutProgressResponse> {
    const rollout = await this.options.store.get(id);
    if (!rollout) throw new NotFoundError(`No rollout ${id}`);
    const now = this.now();
    const today = snapshotDay(now);
    const own = await this.options.auth.getOwnServiceCredentials();
    const targeted = await this.targetedEntities(rollout, own);
    const members =
      rollout.state === 'draft'
        ? targeted.map(({ entity }) => ({
            entityRef: normalisedRef(stringifyEntityRef(entity)),
            joinedAt: now.toISOString(),
            leftAt: undefined,
          }))
        : await this.options.store.syncMembers(
            rollout.id,
            targeted.map(({ entity }) => stringifyEntityRef(entity)),
            now,
          );

    // What the caller may see of the members, read in bounded batches.
    const visible = await entitiesByRefs(
      this.options.catalog,
      members.map(m => m.entityRef),
      credentials,
      CANDIDATE_FIELDS,
    );
    const visibleByRef = new Map(
      visible.map(e => [normalisedRef(stringifyEntityRef(e)), e]),
    );
    const shown = members.filter(m => visibleByRef.has(m.entityRef));
    const states = await this.options.checklistStore.getStatesForEntities(
      shown.map(m => m.entityRef),
    );
    const approvals = new Map(
      (await this.options.store.getApprovals(rollout.id)).map(a => [
        `${a.entityRef} ${a.itemId} ${a.exemptionVersion}`,
        a,
      ]),
    );

    const totals = { ...emptyCounts(), entities: 0 };
    const teams = new Map<
      string | null,
      RolloutCounts & { entities: number }
    >();
    const entities: RolloutEntityProgress[] = shown.map(member => {
      const entity = visibleByRef.get(member.entityRef)!;
      const owner = relationTargets(entity, RELATION_OWNED_BY)[0];
      const byItem = new Map(
        (states.get(member.entityRef) ?? []).map(s => [s.itemId, s]),
      );
      const counts = emptyCounts();
      const items = rollout.itemIds.map(itemId => {
        const item = this.itemsById.get(itemId);
        const stored = byItem.get(itemId);
        const state = stored ? effectiveState(stored, today) : undefined;
        const approval = stored
          ? approvals.get(`${member.entityRef} ${itemId} ${stored.version}`)
          : undefined;
        const status = rolloutItemStatus({
          status: state?.status ?? 'todo',
          automaticallySatisfied: item
            ? automaticEvidence(entity, item).satisfied
            : false,
          exemptionHolds: !rollout.requireExemptionApproval || !!approval,
        });
        const overdue = isOverdue(status, rollout.dueDate, now);
        count(counts, status, overdue);
        let exemptionProblem: 'expired' | 'awaiting-approval' | undefined;
        if (state?.exemptionExpired) exemptionProblem = 'expired';
        else if (state?.status === 'not-applicable' && status !== 'exempted') {
          exemptionProblem = 'awaiting-approval';
        }
        return {
          itemId,
          status,
          overdue,
          ...(exemptionProblem ? { exemptionProblem } : {}),
          ...(approval && status === 'exempted'
            ? { approvedBy: approval.approvedBy }
            : {}),
        };
      });
      if (!member.leftAt) {
        totals.entities += 1;
        const team = teams.get(owner ?? null) ?? {
          ...emptyCounts(),
          entities: 0,
        };
        team.entities += 1;
        for (const key of [
          'done',
          'inProgress',
          'todo',
          'exempted',
          'overdue',
        ] as const) {
          totals[key] += counts[key];
          team[key] += counts[key];
        }
        teams.set(owner ?? null, team);
      }
      return {
        entityRef: stringifyEntityRef(entity),
        kind: entity.kind,
        title: titleOf(entity),
        owner,
        items,
        ...withPercent(counts),
        joinedAt: member.joinedAt,
        leftAt: member.leftAt,
      };
    });
    entities.sort(
      (a, b) =>
        Number(Boolean(a.leftAt)) - Number(Boolean(b.leftAt)) ||
        a.entityRef.localeCompare(b.entityRef),
    );

    return {
      rollout,
      asOf: now.toISOString(),
      totals: withPercent(totals),
      teams: [...teams.entries()]
        .map(([team, counts]) => ({ team, ...withPercent(counts) }))
        .sort((a, b) => (a.team ?? '~').localeCompare(b.team ?? '~')),
      entities,
      burnUp:
        options.burnUp === false
          ? []
          : await this.burnUp(
              rollout,
              shown.filter(m => !m.leftAt).map(m => m.entityRef),
              now,
            ),
    };
  }

  /**
   * Done (entity, item) pairs at the end of each day from the start to
   * today (or the due date, if earlier), replayed from the checklist history
   * of the entities targeted now.
   */
  private async burnUp(
    rollout: Rollout,
    members: string[],
    now: Date,
  ): Promise<RolloutProgressResponse['burnUp']> {
    const today = snapshotDay(now);
    const last = today < rollout.dueDate ? today : rollout.dueDate;
    const days = daysBetween(rollout.startDate, last);
    if (days < 0 || members.length === 0) return [];
    const changes = await this.options.checklistStore.getChangesForEntities(
      members,
      rollout.itemIds,
    );
    const total = members.length * rollout.itemIds.length;
    const status = new Map<string, string>();
    const series: RolloutProgressResponse['burnUp'] = [];
    let next = 0;
    for (let d = 0; d <= days; d++) {
      const day = addDays(rollout.startDate, d);
      while (
        next < changes.length &&
        changes[next].changedAt.slice(0, 10) <= day
      ) {
        const change = changes[next++];
        status.set(`${change.entityRef} ${change.itemId}`, change.status);
      }
      let done = 0;
      for (const value of status.values()) if (value === 'done') done += 1;
      series.push({ day, done, total });
    }
    return series;
  }

  /** The entities matching the rollout's target now, with their candidate data. */
  private async targetedEntities(
    rollout: Rollout,
    credentials: BackstageCredentials,
  ): Promise<{ entity: Entity; candidate: RolloutCandidate }[]> {
    const kinds = rollout.target.kinds?.length
      ? rollout.target.kinds.map(k => k.toLocaleLowerCase('en-US'))
      : [...SCORED_KINDS];
    const entities = await queryAllEntities(
      this.options.catalog,
      { kinds, fields: CANDIDATE_FIELDS },
      credentials,
    );
    const candidates = await this.candidates(entities, credentials);
    return entities
      .map((entity, i) => ({ entity, candidate: candidates[i] }))
      .filter(({ candidate }) => matchesTarget(candidate, rollout.target));
  }

  /** What matching reads of entities: their owners, system and the system's domain. */
  private async candidates(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<RolloutCandidate[]> {
    const systemOf = (entity: Entity) =>
      entity.kind.toLocaleLowerCase('en-US') === 'system'
        ? stringifyEntityRef(entity)
        : relationTargets(entity, RELATION_PART_OF).find(
            ref => kindOfRef(ref) === 'system',
          );
    const systemRefs = [
      ...new Set(entities.map(systemOf).filter((r): r is string => !!r)),
    ];
    const systems = await entitiesByRefs(
      this.options.catalog,
      systemRefs,
      credentials,
      ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
    );
    const domainOf = new Map(
      systems.map(system => [
        normalisedRef(stringifyEntityRef(system)),
        relationTargets(system, RELATION_PART_OF).find(
          ref => kindOfRef(ref) === 'domain',
        ),
      ]),
    );
    return entities.map(entity => {
      const system = systemOf(entity);
      return {
        kind: entity.kind,
        type:
          typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
        lifecycle:
          typeof entity.spec?.lifecycle === 'string'
            ? entity.spec.lifecycle
            : undefined,
        tags: entity.metadata.tags ?? [],
        owners: relationTargets(entity, RELATION_OWNED_BY),
        system,
        domain: system ? domainOf.get(normalisedRef(system)) : undefined,
      };
    });
  }

  private async authorise(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: caseStudiesRolloutManagePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Only members of the platform groups may create or change rollouts',
      );
    }
  }

  /** The checks that need the knowledge base or several fields at once. */
  private validate(rollout: Omit<RolloutInput, 'state'> & { state?: string }) {
    const problems: string[] = [];
    rollout.itemIds.forEach((itemId, index) => {
      if (!this.itemsById.has(itemId)) {
        problems.push(
          `body.itemIds.${index}: unknown checklist item "${itemId}"`,
        );
      }
    });
    if (new Set(rollout.itemIds).size !== rollout.itemIds.length) {
      problems.push('body.itemIds: lists an item twice');
    }
    if (isEmptyTarget(rollout.target)) {
      problems.push(
        'body.target: must name at least one of kinds, types, owners, systems, domains, tags, lifecycles',
      );
    }
    if (rollout.dueDate < rollout.startDate) {
      problems.push('body.dueDate: must not be before startDate');
    }
    if (problems.length > 0) {
      throw new InputError(`Invalid request: ${problems.join('; ')}`);
    }
  }
}
