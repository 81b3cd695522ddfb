import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityScoreHistoryResponse,
  matchesScorecardFilters,
  ScorecardEntityRow,
  ScorecardFilters,
  scorecardGroups,
  ScorecardGroupBy,
  ScorecardHistoryResponse,
  ScorecardReport,
  scorecardTrends,
  SCORED_KINDS,
  scoreTotals,
  ScoringRules,
  daysBefore,
  snapshotDay,
} from '@case-studies/plugin-case-studies-common';
import { ScorecardStore, SnapshotInfo } from '../database/ScorecardStore';
import { normalisedRef } from './entityRefs';
import { EntityScorer } from './EntityScorer';
import {
  countOwnedComponent,
  entityPages,
  OwnedComponents,
  relationTargets,
} from './readEntityContext';

/** The catalog filter of the scored entities matching the report's filters. */
function catalogFilter(
  filters: ScorecardFilters,
): Record<string, string | string[]> {
  return {
    kind: filters.kind ? [filters.kind] : [...SCORED_KINDS],
    ...(filters.type ? { 'spec.type': filters.type } : {}),
    ...(filters.lifecycle ? { 'spec.lifecycle': filters.lifecycle } : {}),
  };
}

function isScoredKind(entity: Entity): boolean {
  return (SCORED_KINDS as readonly string[]).includes(
    entity.kind.toLocaleLowerCase('en-US'),
  );
}

/** What a snapshot run did. */
export interface SnapshotResult {
  day: string;
  /** false when the day's snapshot was already complete */
  taken: boolean;
  entities: number;
  /** rows of days older than the retention, deleted by this run */
  deletedRows: number;
}

/**
 * Scorecards over the whole catalog: daily snapshots of every entity's score
 * (taken with the plugin's own credentials), the report from the latest one
 * or computed now, and the history for trends. Reads of stored rows are
 * narrowed to the entities the caller can see now.
 */
export class ScorecardService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      scorer: EntityScorer;
      store: ScorecardStore;
      scoring: ScoringRules;
      logger: LoggerService;
      /** snapshots older than this many days are deleted */
      retentionDays: number;
    },
  ) {}

  /** Whether the day's snapshot is complete. */
  async hasSnapshot(day: string): Promise<boolean> {
    return Boolean(await this.options.store.getSnapshot(day));
  }

  /**
   * Takes today's snapshot unless it is complete already: every scored
   * entity, one catalog page at a time (so memory holds one page, not the
   * catalog), then deletes the days past the retention.
   */
  async takeSnapshot(options: { now?: Date } = {}): Promise<SnapshotResult> {
    const { store, logger, retentionDays } = this.options;
    const now = options.now ?? new Date();
    const day = snapshotDay(now);
    const deleted = await store.deleteBefore(daysBefore(day, retentionDays));
    if (await store.getSnapshot(day)) {
      return { day, taken: false, entities: 0, deletedRows: deleted.rows };
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    let entities = 0;
    await this.scoreCatalog({}, credentials, now, async rows => {
      await store.writeRows(day, rows);
      entities += rows.length;
    });
    const completed = await store.completeSnapshot({
      day,
      takenAt: now.toISOString(),
      entities,
      knowledgeVersion: this.options.scorer.knowledgeVersion,
    });
    logger.info(
      `Scorecard snapshot of ${day}: ${entities} entities scored${
        completed ? '' : ' (another run completed the day first)'
      }; ${deleted.rows} rows older than ${retentionDays} days deleted`,
    );
    return { day, taken: completed, entities, deletedRows: deleted.rows };
  }

  /** The scorecard report, from the latest snapshot unless `live` or there is none. */
  async report(options: {
    groupBy: ScorecardGroupBy;
    filters: ScorecardFilters;
    live: boolean;
    credentials: BackstageCredentials;
  }): Promise<ScorecardReport> {
    const { groupBy, filters, credentials } = options;
    const [latest, previous] = await this.options.store.listSnapshots({
      limit: 2,
    });
    let rows: ScorecardEntityRow[];
    let takenAt: string;
    let knowledgeVersion: string;
    let before: SnapshotInfo | undefined;
    let visible: Set<string> | undefined;
    if (options.live || !latest) {
      const now = new Date();
      rows = [];
      await this.scoreCatalog(filters, credentials, now, async page => {
        rows.push(...page);
      });
      takenAt = now.toISOString();
      knowledgeVersion = this.options.scorer.knowledgeVersion;
      before = latest;
    } else {
      visible = await this.visibleRefs(credentials);
      rows = await this.storedRows(latest, filters, visible);
      takenAt = latest.takenAt;
      knowledgeVersion = latest.knowledgeVersion;
      before = previous;
    }
    const previousRows = before
      ? await this.storedRows(
          before,
          filters,
          visible ?? (await this.visibleRefs(credentials)),
        )
      : undefined;
    return {
      groupBy,
      filters,
      source: options.live || !latest ? 'live' : 'snapshot',
      takenAt,
      previousTakenAt: before?.takenAt,
      knowledgeVersion,
      scoring: this.options.scoring,
      totals: scoreTotals(rows),
      groups: scorecardGroups(
        rows,
        groupBy,
        before && previousRows
          ? { takenAt: before.takenAt, rows: previousRows }
          : undefined,
      ),
    };
  }

  /** Each group's totals at every snapshot of a period. */
  async history(options: {
    groupBy: ScorecardGroupBy;
    filters: ScorecardFilters;
    range: { from: string; to: string };
    credentials: BackstageCredentials;
  }): Promise<ScorecardHistoryResponse> {
    const { groupBy, filters, credentials } = options;
    const { from, to } = options.range;
    const snapshots = await this.options.store.listSnapshots({ from, to });
    const visible = await this.visibleRefs(credentials);
    const rows = (
      await this.options.store.getRows(snapshots.map(s => s.day))
    ).filter(
      row =>
        visible.has(row.entityRef) && matchesScorecardFilters(row, filters),
    );
    const byDay = new Map<string, ScorecardEntityRow[]>(
      snapshots.map(s => [s.day, []]),
    );
    for (const row of rows) byDay.get(row.day)?.push(row);
    const rowsByDay = [...byDay].map(([day, dayRows]) => ({
      day,
      rows: dayRows,
    }));
    return {
      groupBy,
      filters,
      from,
      to,
      snapshots: [...snapshots].reverse().map(s => ({
        day: s.day,
        takenAt: s.takenAt,
        knowledgeVersion: s.knowledgeVersion,
      })),
      overall: {
        key: null,
        points: [...rowsByDay]
          .reverse()
          .map(({ day, rows: dayRows }) => ({ day, ...scoreTotals(dayRows) })),
      },
      trends: scorecardTrends(rowsByDay, groupBy),
    };
  }

  /** One entity's score at each snapshot of a period; 404 when the caller cannot see it. */
  async entityHistory(options: {
    ref: CompoundEntityRef;
    range: { from: string; to: string };
    credentials: BackstageCredentials;
  }): Promise<EntityScoreHistoryResponse> {
    const entity = await this.options.catalog.getEntityByRef(options.ref, {
      credentials: options.credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(options.ref)} found`,
      );
    }
    const entityRef = stringifyEntityRef(entity);
    const { from, to } = options.range;
    const rows = await this.options.store.getEntityRows(entityRef, {
      from,
      to,
    });
    return {
      entityRef,
      from,
      to,
      points: rows.map(row => ({
        day: row.day,
        takenAt: row.takenAt,
        score: row.score,
        level: row.level,
        done: row.done,
        applicable: row.applicable,
        knowledgeVersion: row.knowledgeVersion,
      })),
    };
  }

  /** A stored snapshot's rows that pass the filters and that the caller can see. */
  private async storedRows(
    snapshot: SnapshotInfo,
    filters: ScorecardFilters,
    visible: Set<string>,
  ): Promise<ScorecardEntityRow[]> {
    const rows = await this.options.store.getRows([snapshot.day]);
    return rows.filter(
      row =>
        visible.has(row.entityRef) && matchesScorecardFilters(row, filters),
    );
  }

  /**
   * Normalised refs of the scored entities the caller can see now, read in
   * pages of refs only. Filters apply to the stored rows instead, so a past
   * day counts an entity as it was then.
   */
  private async visibleRefs(
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const refs = new Set<string>();
    for await (const page of entityPages(
      this.options.catalog,
      {
        filter: catalogFilter({}),
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      credentials,
    )) {
      for (const entity of page) {
        refs.add(normalisedRef(stringifyEntityRef(entity)));
      }
    }
    return refs;
  }

  /**
   * Scores every scored entity matching the filters, one catalog page at a
   * time, handing each page's rows on. Component counts per owner (a profile
   * input) come from one paged read of components' relations first, instead
   * of one count per owner on every page.
   */
  private async scoreCatalog(
    filters: ScorecardFilters,
    credentials: BackstageCredentials,
    takenAt: Date,
    onRows: (rows: ScorecardEntityRow[]) => Promise<void>,
  ): Promise<void> {
    const { catalog, scorer } = this.options;
    const ownedComponents = await this.componentsByOwner(credentials);
    for await (const page of entityPages(
      catalog,
      { filter: catalogFilter(filters) },
      credentials,
    )) {
      // The kind is checked again: the test utilities' in-memory catalog
      // applies only the first list-valued filter field.
      const entities = page.filter(
        entity =>
          isScoredKind(entity) &&
          matchesScorecardFilters(
            {
              kind: entity.kind,
              type: entity.spec?.type as string | undefined,
              lifecycle: entity.spec?.lifecycle as string | undefined,
            },
            filters,
          ),
      );
      if (entities.length === 0) continue;
      await onRows(
        await scorer.scorecardRows(entities, credentials, {
          takenAt,
          ownedComponents,
        }),
      );
    }
  }

  /** How many components (and deployed components) each owner has, by normalised owner ref. */
  private async componentsByOwner(
    credentials: BackstageCredentials,
  ): Promise<Map<string, OwnedComponents>> {
    const counts = new Map<string, OwnedComponents>();
    for await (const page of entityPages(
      this.options.catalog,
      {
        filter: { kind: 'component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.type',
          'relations',
        ],
      },
      credentials,
    )) {
      for (const component of page) {
        for (const owner of relationTargets(component, RELATION_OWNED_BY)) {
          countOwnedComponent(counts, normalisedRef(owner), component);
        }
      }
    }
    return counts;
  }
}
