import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  ScorecardEntityRow,
  ScoreLevel,
} from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import { normalisedRef } from '../service/entityRefs';
import { isUniqueViolation, migratedClient } from './migrations';
import {
  ScorecardStore,
  SnapshotInfo,
  StoredScorecardRow,
} from './ScorecardStore';

type EntityRow = {
  snapshot_day: string;
  entity_ref: string;
  kind: string;
  type: string | null;
  lifecycle: string | null;
  title: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  score: number | string;
  level: string;
  done: number | string;
  applicable: number | string;
  exempted: number | string;
  warnings_low: number | string;
  warnings_medium: number | string;
  warnings_high: number | string;
  warnings_critical: number | string;
  knowledge_version: string;
  taken_at: Date | string | number;
};

type SnapshotRow = {
  snapshot_day: string;
  taken_at: Date | string | number;
  entities: number | string;
  knowledge_version: string;
};

/** Rows per INSERT: 21 columns each stays far below both databases' parameter limits. */
const INSERT_BATCH = 500;
/** Days per SELECT of rows. */
const DAYS_PER_READ = 50;

function toIsoString(value: Date | string | number): string {
  return new Date(value).toISOString();
}

const orUndefined = (value: string | null) => value ?? undefined;

function toRow(row: EntityRow): StoredScorecardRow {
  return {
    day: row.snapshot_day,
    entityRef: row.entity_ref,
    kind: row.kind,
    type: orUndefined(row.type),
    lifecycle: orUndefined(row.lifecycle),
    title: orUndefined(row.title),
    owner: orUndefined(row.owner_ref),
    system: orUndefined(row.system_ref),
    domain: orUndefined(row.domain_ref),
    score: Number(row.score),
    level: row.level as ScoreLevel,
    done: Number(row.done),
    applicable: Number(row.applicable),
    exempted: Number(row.exempted),
    warnings: {
      low: Number(row.warnings_low),
      medium: Number(row.warnings_medium),
      high: Number(row.warnings_high),
      critical: Number(row.warnings_critical),
    },
    knowledgeVersion: row.knowledge_version,
    takenAt: toIsoString(row.taken_at),
  };
}

function fromRow(day: string, row: ScorecardEntityRow): EntityRow {
  return {
    snapshot_day: day,
    entity_ref: normalisedRef(row.entityRef),
    kind: row.kind,
    type: row.type ?? null,
    lifecycle: row.lifecycle ?? null,
    title: row.title ?? null,
    owner_ref: row.owner ?? null,
    system_ref: row.system ?? null,
    domain_ref: row.domain ?? null,
    score: row.score,
    level: row.level,
    done: row.done,
    applicable: row.applicable,
    exempted: row.exempted,
    warnings_low: row.warnings.low,
    warnings_medium: row.warnings.medium,
    warnings_high: row.warnings.high,
    warnings_critical: row.warnings.critical,
    knowledge_version: row.knowledgeVersion,
    taken_at: new Date(row.takenAt),
  };
}

function toSnapshot(row: SnapshotRow): SnapshotInfo {
  return {
    day: row.snapshot_day,
    takenAt: toIsoString(row.taken_at),
    entities: Number(row.entities),
    knowledgeVersion: row.knowledge_version,
  };
}

/** The Knex implementation of {@link ScorecardStore}, for SQLite and PostgreSQL. */
export class DatabaseScorecardStore implements ScorecardStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScorecardStore> {
    return new DatabaseScorecardStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async getSnapshot(day: string): Promise<SnapshotInfo | undefined> {
    const row = await this.db<SnapshotRow>('scorecard_snapshot')
      .where({ snapshot_day: day })
      .first();
    return row ? toSnapshot(row) : undefined;
  }

  async writeRows(day: string, rows: ScorecardEntityRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH).map(r => fromRow(day, r));
      // ON CONFLICT DO NOTHING: the key, not a read before the write, is
      // what keeps a row from being written twice.
      await this.db('scorecard_snapshot_entity')
        .insert(batch)
        .onConflict(['snapshot_day', 'entity_ref'])
        .ignore();
    }
  }

  async completeSnapshot(info: SnapshotInfo): Promise<boolean> {
    try {
      await this.db('scorecard_snapshot').insert({
        snapshot_day: info.day,
        taken_at: new Date(info.takenAt),
        entities: info.entities,
        knowledge_version: info.knowledgeVersion,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async listSnapshots(
    options: { from?: string; to?: string; limit?: number } = {},
  ): Promise<SnapshotInfo[]> {
    const query = this.db<SnapshotRow>('scorecard_snapshot').orderBy(
      'snapshot_day',
      'desc',
    );
    if (options.from) query.where('snapshot_day', '>=', options.from);
    if (options.to) query.where('snapshot_day', '<=', options.to);
    if (options.limit !== undefined) query.limit(options.limit);
    return (await query).map(toSnapshot);
  }

  async getRows(days: string[]): Promise<StoredScorecardRow[]> {
    const rows: StoredScorecardRow[] = [];
    for (let i = 0; i < days.length; i += DAYS_PER_READ) {
      const found = await this.db<EntityRow>('scorecard_snapshot_entity')
        .whereIn('snapshot_day', days.slice(i, i + DAYS_PER_READ))
        .orderBy(['snapshot_day', 'entity_ref']);
      for (const row of found) rows.push(toRow(row));
    }
    return rows;
  }

  async getEntityRows(
    entityRef: string,
    range: { from: string; to: string },
  ): Promise<StoredScorecardRow[]> {
    const rows = await this.db<EntityRow>('scorecard_snapshot_entity')
      .where({ entity_ref: normalisedRef(entityRef) })
      .andWhere('snapshot_day', '>=', range.from)
      .andWhere('snapshot_day', '<=', range.to)
      // Only days whose snapshot completed, as the report reads them.
      .whereIn(
        'snapshot_day',
        this.db('scorecard_snapshot').select('snapshot_day'),
      )
      .orderBy('snapshot_day');
    return rows.map(toRow);
  }

  async deleteBefore(
    day: string,
  ): Promise<{ rows: number; snapshots: number }> {
    return this.db.transaction(async tx => {
      const snapshots = await tx('scorecard_snapshot')
        .where('snapshot_day', '<', day)
        .delete();
      const rows = await tx('scorecard_snapshot_entity')
        .where('snapshot_day', '<', day)
        .delete();
      return { rows, snapshots };
    });
  }
}
