import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { randomUUID } from 'crypto';
import { LRUCache } from 'lru-cache';
import {
  ChecklistCategory,
  compareCodeUnits,
  KnowledgeBase,
  RollupPageResponse,
  RollupResponse,
  RollupScope,
  RollupTeam,
  SCORED_KINDS,
  ScoredEntity,
  ScoredEntityWithItems,
  ScoringRules,
  summariseScores,
  withoutItems,
} from '@case-studies/plugin-case-studies-common';
import { EntityScorer } from './EntityScorer';
import {
  countOwnedComponent,
  entitiesByRefs,
  kindOfRef,
  OwnedComponents,
  queryAllEntities,
  relationTargets,
} from './readEntityContext';
import { normalisedRef, principalKey, titleOf } from './entityRefs';

/** The kinds a system's (and a domain's systems') roll-up covers. */
const SYSTEM_MEMBER_KINDS = ['component', 'resource'];

/** A page of a roll-up's entities. */
export interface RollupPage {
  limit: number;
  /** `nextCursor` of the previous page */
  cursor?: string;
}

/** A team of the roll-up as it was walked. */
interface WalkedTeam {
  entity: Entity;
  parent?: string;
}

/** What a roll-up reads from the catalog before it is scored. */
interface RollupEntities {
  subject: Entity;
  /** the owners of the roll-up's entities, walked or found */
  teams: WalkedTeam[];
  entities: Entity[];
  /** the owner within the roll-up of each entity, by ref key */
  teamOf: Map<string, string>;
  /** entities read in full besides `entities`, not to be read again */
  known: Entity[];
  /** component counts of owners whose every component was read */
  ownedComponents?: Map<string, OwnedComponents>;
}

/** Where a page starts: after `after`, in the snapshot `snapshot` if it is still kept. */
interface Cursor {
  after: string;
  snapshot: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      typeof decoded?.after === 'string' &&
      typeof decoded?.snapshot === 'string'
    ) {
      return { after: decoded.after, snapshot: decoded.snapshot };
    }
  } catch {
    // reported below
  }
  throw new InputError(
    'Invalid request: query.cursor: must be a cursor returned by a previous page',
  );
}

/** A computed roll-up, kept so that its later pages are slices of it. */
interface Snapshot {
  id: string;
  response: Omit<RollupResponse, 'entities' | 'nextCursor'>;
  /** the entities by normalised ref, in ref order */
  ordered: { key: string; entity: ScoredEntity }[];
}

/**
 * How long, and for how many entities in all, computed roll-ups are kept for
 * their later pages. A first page is always computed afresh.
 */
const SNAPSHOT_TTL_MS = 60_000;
/** Entities scored together: their neighbours are read in shared catalog rounds. */
const SCORING_BATCH = 5000;
const SNAPSHOT_MAX_ENTITIES = 100_000;

/**
 * Team, system, domain and user roll-ups: reads the entities below the
 * subject and their neighbours from the catalog in batches with the caller's
 * credentials (an entity the caller cannot see is simply absent), their
 * checklist states in one store call, and scores them with the common rules.
 */
export class RollupService {
  private readonly snapshots = new LRUCache<string, Snapshot>({
    ttl: SNAPSHOT_TTL_MS,
    maxSize: SNAPSHOT_MAX_ENTITIES,
    // An empty roll-up still takes a slot.
    sizeCalculation: snapshot => Math.max(1, snapshot.ordered.length),
  });
  private readonly itemTitles: Map<
    string,
    { title: string; category: ChecklistCategory }
  >;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      knowledge: KnowledgeBase;
      scoring: ScoringRules;
      scorer: EntityScorer;
    },
  ) {
    this.itemTitles = new Map(
      options.knowledge.checklist.map(item => [
        item.id,
        { title: item.title, category: item.category },
      ]),
    );
  }

  /**
   * A page of a roll-up. The first page (no cursor) is computed now and kept
   * for a minute; a cursor names that snapshot, so the later pages of one
   * read are slices of it: they agree with the first page's totals and visit
   * every entity once, at the cost of one computation. A cursor whose
   * snapshot is gone is answered from a fresh computation, after its key.
   */
  async progress(options: {
    scope: RollupScope;
    ref: CompoundEntityRef;
    recursive: boolean;
    page: RollupPage;
    credentials: BackstageCredentials;
  }): Promise<RollupPageResponse> {
    const { scope, credentials } = options;
    const cursor = options.page.cursor
      ? decodeCursor(options.page.cursor)
      : undefined;
    const recursive =
      scope === 'group' || scope === 'user' ? options.recursive : false;
    const snapshotKey = (id: string) =>
      [
        principalKey(credentials),
        scope,
        normalisedRef({ ...options.ref, kind: scope }),
        recursive,
        id,
      ].join('|');

    let snapshot = cursor && this.snapshots.get(snapshotKey(cursor.snapshot));
    if (!snapshot) {
      snapshot = await this.compute(scope, options.ref, recursive, credentials);
      this.snapshots.set(snapshotKey(snapshot.id), snapshot);
    }

    const { ordered } = snapshot;
    // Keyset paging: the page starts after the last ref of the previous one,
    // so a page of a fresh computation skips nothing and repeats nothing.
    const firstAfter = cursor
      ? ordered.findIndex(({ key }) => key > cursor.after)
      : 0;
    const start = firstAfter === -1 ? ordered.length : firstAfter;
    const page = ordered.slice(start, start + options.page.limit);
    const hasMore = start + page.length < ordered.length;
    const { teams, ...response } = snapshot.response;
    return {
      ...response,
      ...(cursor ? {} : { teams }),
      entities: page.map(({ entity }) => entity),
      nextCursor:
        hasMore && page.length > 0
          ? encodeCursor({
              after: page[page.length - 1].key,
              snapshot: snapshot.id,
            })
          : undefined,
    };
  }

  /** Reads, scores and summarises a whole roll-up. */
  private async compute(
    scope: RollupScope,
    ref: CompoundEntityRef,
    recursive: boolean,
    credentials: BackstageCredentials,
  ): Promise<Snapshot> {
    const subject = await this.options.catalog.getEntityByRef(
      { ...ref, kind: scope },
      { credentials },
    );
    if (!subject) {
      throw new NotFoundError(
        `No ${scope} ${stringifyEntityRef({ ...ref, kind: scope })} found`,
      );
    }
    const read = await this.readEntities(
      scope,
      subject,
      recursive,
      credentials,
    );
    // Scored a batch at a time: an entity's catalog context and guidance are
    // garbage once it is scored, so the peak heap is a batch's worth plus
    // the scores, not the whole organisation's contexts at once.
    const scored: ScoredEntityWithItems[] = [];
    for (let i = 0; i < read.entities.length; i += SCORING_BATCH) {
      const batch = await this.options.scorer.score(
        read.entities.slice(i, i + SCORING_BATCH),
        credentials,
        {
          known: read.known,
          ownedComponents: read.ownedComponents,
          teamOf: read.teamOf,
          reuseCachedGuidance: true,
        },
      );
      for (const entity of batch) scored.push(entity);
    }

    // Each team's entities in one pass: filtering all entities once per team
    // cost teams × entities (2M comparisons for 200 teams of 10,000).
    const scoredByTeam = new Map<string, ScoredEntityWithItems[]>();
    for (const entity of scored) {
      if (entity.team === undefined) continue;
      const list = scoredByTeam.get(entity.team);
      if (list) list.push(entity);
      else scoredByTeam.set(entity.team, [entity]);
    }
    const teams: RollupTeam[] = read.teams.map(team => {
      const teamRef = stringifyEntityRef(team.entity);
      return {
        entityRef: teamRef,
        title: titleOf(team.entity),
        parent: team.parent,
        summary: summariseScores(
          scoredByTeam.get(teamRef) ?? [],
          this.itemTitles,
        ),
      };
    });

    return {
      id: randomUUID(),
      response: {
        scope,
        entityRef: stringifyEntityRef(subject),
        title: titleOf(subject),
        recursive,
        knowledgeVersion: this.options.knowledge.version,
        scoring: this.options.scoring,
        summary: summariseScores(scored, this.itemTitles),
        teams,
        totalEntities: scored.length,
      },
      ordered: scored
        .map(entity => ({
          key: normalisedRef(entity.entityRef),
          entity: withoutItems(entity),
        }))
        .sort((a, b) => compareCodeUnits(a.key, b.key)),
    };
  }

  private readEntities(
    scope: RollupScope,
    subject: Entity,
    recursive: boolean,
    credentials: BackstageCredentials,
  ): Promise<RollupEntities> {
    switch (scope) {
      case 'group':
        return this.readOwned(subject, [subject], recursive, credentials);
      case 'user':
        return this.readUser(subject, recursive, credentials);
      case 'system':
        return this.readSystemMembers(subject, [subject], credentials);
      case 'domain':
        return this.readDomain(subject, credentials);
      default:
        throw new InputError(`Unknown roll-up scope ${scope}`);
    }
  }

  /**
   * The groups below the roots, one `getEntitiesByRefs` per level; a group
   * met twice (a cycle in the parents, or two paths) is walked once.
   */
  private async walkTeams(
    roots: Entity[],
    recursive: boolean,
    credentials: BackstageCredentials,
  ): Promise<WalkedTeam[]> {
    const walked: WalkedTeam[] = roots.map(entity => ({ entity }));
    const seen = new Set(roots.map(r => normalisedRef(stringifyEntityRef(r))));
    let frontier = roots;
    while (recursive && frontier.length > 0) {
      const childParent = new Map<string, string>();
      for (const parent of frontier) {
        for (const child of relationTargets(parent, RELATION_PARENT_OF)) {
          if (kindOfRef(child) !== 'group' || seen.has(normalisedRef(child)))
            continue;
          if (!childParent.has(normalisedRef(child))) {
            childParent.set(normalisedRef(child), stringifyEntityRef(parent));
          }
        }
      }
      if (childParent.size === 0) break;
      const children = await entitiesByRefs(
        this.options.catalog,
        [...childParent.keys()],
        credentials,
        'full',
      );
      frontier = [];
      for (const child of children) {
        const key = normalisedRef(stringifyEntityRef(child));
        if (seen.has(key)) continue;
        seen.add(key);
        walked.push({ entity: child, parent: childParent.get(key) });
        frontier.push(child);
      }
    }
    return walked;
  }

  /** Every entity owned by the roots or (recursive) the groups below them. */
  private async readOwned(
    subject: Entity,
    roots: Entity[],
    recursive: boolean,
    credentials: BackstageCredentials,
    owners: Entity[] = [],
  ): Promise<RollupEntities> {
    const groups = await this.walkTeams(roots, recursive, credentials);
    const teams = [...owners.map(entity => ({ entity })), ...groups];
    const teamKeys = new Map(
      teams.map(team => [
        normalisedRef(stringifyEntityRef(team.entity)),
        stringifyEntityRef(team.entity),
      ]),
    );
    const entities = await queryAllEntities(
      this.options.catalog,
      {
        kinds: [...SCORED_KINDS],
        anyOf: { field: 'relations.ownedBy', values: [...teamKeys.values()] },
      },
      credentials,
    );
    const teamOf = new Map<string, string>();
    // Every component these owners have is here, so their counts need no call.
    const ownedComponents = new Map<string, OwnedComponents>(
      [...teamKeys.keys()].map(key => [key, { components: 0, services: 0 }]),
    );
    for (const entity of entities) {
      const key = normalisedRef(stringifyEntityRef(entity));
      for (const owner of relationTargets(entity, RELATION_OWNED_BY)) {
        const team = teamKeys.get(normalisedRef(owner));
        if (!team) continue;
        if (!teamOf.has(key)) teamOf.set(key, team);
        if (entity.kind.toLocaleLowerCase('en-US') === 'component') {
          countOwnedComponent(ownedComponents, normalisedRef(owner), entity);
        }
      }
    }
    return {
      subject,
      teams,
      entities,
      teamOf,
      known: teams.map(team => team.entity),
      ownedComponents,
    };
  }

  /** The roll-up of a user's groups (and theirs), with what the user owns. */
  private async readUser(
    user: Entity,
    recursive: boolean,
    credentials: BackstageCredentials,
  ): Promise<RollupEntities> {
    const groups = await entitiesByRefs(
      this.options.catalog,
      relationTargets(user, RELATION_MEMBER_OF).filter(
        ref => kindOfRef(ref) === 'group',
      ),
      credentials,
      'full',
    );
    return this.readOwned(user, groups, recursive, credentials, [user]);
  }

  /** A system's components and resources, or those of several systems. */
  private async readSystemMembers(
    subject: Entity,
    systems: Entity[],
    credentials: BackstageCredentials,
  ): Promise<RollupEntities> {
    const entities = await queryAllEntities(
      this.options.catalog,
      {
        kinds: SYSTEM_MEMBER_KINDS,
        anyOf: {
          field: 'relations.partOf',
          values: systems.map(system => stringifyEntityRef(system)),
        },
      },
      credentials,
    );
    const teamOf = new Map<string, string>();
    const ownerRefs = new Map<string, string>();
    for (const entity of entities) {
      const owner = relationTargets(entity, RELATION_OWNED_BY)[0];
      if (!owner) continue;
      teamOf.set(normalisedRef(stringifyEntityRef(entity)), owner);
      ownerRefs.set(normalisedRef(owner), owner);
    }
    const owners = await entitiesByRefs(
      this.options.catalog,
      [...ownerRefs.values()],
      credentials,
      'full',
    );
    // The owners' refs as the catalog spells them, so teams and entities agree.
    const ownerRefOf = new Map(
      owners.map(o => [
        normalisedRef(stringifyEntityRef(o)),
        stringifyEntityRef(o),
      ]),
    );
    for (const [key, owner] of teamOf) {
      const found = ownerRefOf.get(normalisedRef(owner));
      if (found) teamOf.set(key, found);
      else teamOf.delete(key);
    }
    return {
      subject,
      teams: owners.map(entity => ({ entity })),
      entities,
      teamOf,
      known: [subject, ...systems, ...owners],
    };
  }

  /** The components and resources of a domain's systems. */
  private async readDomain(
    domain: Entity,
    credentials: BackstageCredentials,
  ): Promise<RollupEntities> {
    const systems = await queryAllEntities(
      this.options.catalog,
      {
        kinds: ['system'],
        filter: { 'relations.partOf': stringifyEntityRef(domain) },
      },
      credentials,
    );
    const partOfDomain = systems.filter(system =>
      relationTargets(system, RELATION_PART_OF).some(
        ref => normalisedRef(ref) === normalisedRef(stringifyEntityRef(domain)),
      ),
    );
    if (partOfDomain.length === 0) {
      return {
        subject: domain,
        teams: [],
        entities: [],
        teamOf: new Map(),
        known: [],
      };
    }
    return this.readSystemMembers(domain, partOfDomain, credentials);
  }
}
