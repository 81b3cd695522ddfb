import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  Rollout,
  RolloutChange,
  RolloutState,
  RolloutTarget,
} from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import { normalisedRef } from '../service/entityRefs';
import { migratedClient } from './migrations';
import {
  ExemptionApproval,
  RolloutMember,
  RolloutStore,
  RolloutUpdateResult,
} from './RolloutStore';

type RolloutRow = {
  id: string;
  title: string;
  description: string;
  item_ids: string;
  target: string;
  start_date: string;
  due_date: string;
  state: string;
  require_exemption_approval: boolean | number;
  version: number | string;
  created_by: string;
  created_at: Date | string | number;
  updated_by: string;
  updated_at: Date | string | number;
};

type HistoryRow = {
  rollout_id: string;
  version: number | string;
  changed_by: string;
  changed_at: Date | string | number;
  changes: string;
};

type MemberRow = {
  rollout_id: string;
  entity_ref: string;
  joined_at: Date | string | number;
  left_at: Date | string | number | null;
};

type ApprovalRow = {
  rollout_id: string;
  entity_ref: string;
  item_id: string;
  exemption_version: number | string;
  approved_by: string;
  approved_at: Date | string | number;
};

function toApproval(row: ApprovalRow): ExemptionApproval {
  return {
    entityRef: row.entity_ref,
    itemId: row.item_id,
    exemptionVersion: Number(row.exemption_version),
    approvedBy: row.approved_by,
    approvedAt: new Date(row.approved_at).toISOString(),
  };
}

/** The rollout fields a change may set, and how each is stored. */
const COLUMNS: Record<
  keyof Omit<
    Rollout,
    'id' | 'version' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'
  >,
  { column: keyof RolloutRow; toColumn: (value: any) => unknown }
> = {
  title: { column: 'title', toColumn: v => v },
  description: { column: 'description', toColumn: v => v },
  itemIds: { column: 'item_ids', toColumn: v => JSON.stringify(v) },
  target: { column: 'target', toColumn: v => JSON.stringify(v) },
  startDate: { column: 'start_date', toColumn: v => v },
  dueDate: { column: 'due_date', toColumn: v => v },
  state: { column: 'state', toColumn: v => v },
  requireExemptionApproval: {
    column: 'require_exemption_approval',
    toColumn: v => Boolean(v),
  },
};

function toIsoString(value: Date | string | number): string {
  return new Date(value).toISOString();
}

function toRollout(row: RolloutRow): Rollout {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    itemIds: JSON.parse(row.item_ids) as string[],
    target: JSON.parse(row.target) as RolloutTarget,
    startDate: row.start_date,
    dueDate: row.due_date,
    state: row.state as RolloutState,
    requireExemptionApproval: Boolean(row.require_exemption_approval),
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: toIsoString(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: toIsoString(row.updated_at),
  };
}

function toMember(row: MemberRow): RolloutMember {
  return {
    entityRef: row.entity_ref,
    joinedAt: toIsoString(row.joined_at),
    leftAt: row.left_at === null ? undefined : toIsoString(row.left_at),
  };
}

/** Field values compare as JSON, so arrays and targets compare by content. */
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/** The Knex implementation of {@link RolloutStore}, for SQLite and PostgreSQL. */
export class DatabaseRolloutStore implements RolloutStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseRolloutStore> {
    return new DatabaseRolloutStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async create(rollout: Rollout): Promise<void> {
    await this.db.transaction(async tx => {
      const columns: Record<string, unknown> = {
        id: rollout.id,
        version: rollout.version,
        created_by: rollout.createdBy,
        created_at: new Date(rollout.createdAt),
        updated_by: rollout.updatedBy,
        updated_at: new Date(rollout.updatedAt),
      };
      const changes: RolloutChange['changes'] = {};
      for (const [field, { column, toColumn }] of Object.entries(COLUMNS)) {
        const value = rollout[field as keyof typeof COLUMNS];
        columns[column] = toColumn(value);
        changes[field] = { to: value };
      }
      await tx('rollout').insert(columns);
      await tx('rollout_history').insert({
        rollout_id: rollout.id,
        version: rollout.version,
        changed_by: rollout.createdBy,
        changed_at: new Date(rollout.createdAt),
        changes: JSON.stringify(changes),
      });
    });
  }

  async get(id: string): Promise<Rollout | undefined> {
    const row = await this.db<RolloutRow>('rollout').where({ id }).first();
    return row ? toRollout(row) : undefined;
  }

  async list(options: { states?: string[] } = {}): Promise<Rollout[]> {
    const query = this.db<RolloutRow>('rollout').orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    if (options.states?.length) query.whereIn('state', options.states);
    return (await query).map(toRollout);
  }

  async update(options: {
    id: string;
    expectedVersion?: number;
    actor: string;
    now: Date;
    change: (current: Rollout) => Partial<Rollout>;
  }): Promise<RolloutUpdateResult | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx<RolloutRow>('rollout')
        .where({ id: options.id })
        .first();
      if (!row) return undefined;
      const current = toRollout(row);
      if (
        options.expectedVersion !== undefined &&
        options.expectedVersion !== current.version
      ) {
        return { outcome: 'conflict' as const, rollout: current };
      }
      const wanted = options.change(current);
      const columns: Record<string, unknown> = {};
      const changes: RolloutChange['changes'] = {};
      for (const [field, { column, toColumn }] of Object.entries(COLUMNS)) {
        const key = field as keyof typeof COLUMNS;
        if (!(key in wanted) || same(wanted[key], current[key])) continue;
        columns[column] = toColumn(wanted[key]);
        changes[field] = { from: current[key], to: wanted[key] };
      }
      if (Object.keys(changes).length === 0) {
        return { outcome: 'unchanged' as const, rollout: current };
      }
      const version = current.version + 1;
      // The version guard makes a concurrent writer that read the same
      // version write nothing rather than overwrite.
      const updated = await tx('rollout')
        .where({ id: options.id, version: current.version })
        .update({
          ...columns,
          version,
          updated_by: options.actor,
          updated_at: options.now,
        });
      if (updated !== 1) {
        const now = await tx<RolloutRow>('rollout')
          .where({ id: options.id })
          .first();
        return { outcome: 'conflict' as const, rollout: toRollout(now!) };
      }
      await tx('rollout_history').insert({
        rollout_id: options.id,
        version,
        changed_by: options.actor,
        changed_at: options.now,
        changes: JSON.stringify(changes),
      });
      const stored = await tx<RolloutRow>('rollout')
        .where({ id: options.id })
        .first();
      return { outcome: 'updated' as const, rollout: toRollout(stored!) };
    });
  }

  async getHistory(id: string): Promise<RolloutChange[]> {
    const rows = await this.db<HistoryRow>('rollout_history')
      .where({ rollout_id: id })
      .orderBy('version');
    return rows.map(row => ({
      version: Number(row.version),
      changedBy: row.changed_by,
      changedAt: toIsoString(row.changed_at),
      changes: JSON.parse(row.changes),
    }));
  }

  async approveExemption(
    id: string,
    approval: ExemptionApproval,
  ): Promise<ExemptionApproval> {
    const key = {
      rollout_id: id,
      entity_ref: normalisedRef(approval.entityRef),
      item_id: approval.itemId,
      exemption_version: approval.exemptionVersion,
    };
    await this.db('rollout_exemption_approval')
      .insert({
        ...key,
        approved_by: approval.approvedBy,
        approved_at: new Date(approval.approvedAt),
      })
      .onConflict(['rollout_id', 'entity_ref', 'item_id', 'exemption_version'])
      .ignore();
    const row = await this.db<ApprovalRow>('rollout_exemption_approval')
      .where(key)
      .first();
    return toApproval(row!);
  }

  async getApprovals(id: string): Promise<ExemptionApproval[]> {
    const rows = await this.db<ApprovalRow>('rollout_exemption_approval')
      .where({ rollout_id: id })
      .orderBy(['entity_ref', 'item_id', 'exemption_version']);
    return rows.map(toApproval);
  }

  async syncMembers(
    id: string,
    targeted: string[],
    now: Date,
  ): Promise<RolloutMember[]> {
    const wanted = new Set(targeted.map(normalisedRef));
    return this.db.transaction(async tx => {
      const rows = await tx<MemberRow>('rollout_member').where({
        rollout_id: id,
      });
      const known = new Map(rows.map(row => [row.entity_ref, row]));
      const joining = [...wanted].filter(ref => !known.has(ref));
      const leaving = rows
        .filter(row => row.left_at === null && !wanted.has(row.entity_ref))
        .map(row => row.entity_ref);
      const returning = rows
        .filter(row => row.left_at !== null && wanted.has(row.entity_ref))
        .map(row => row.entity_ref);
      for (let i = 0; i < joining.length; i += 500) {
        await tx('rollout_member')
          .insert(
            joining.slice(i, i + 500).map(entityRef => ({
              rollout_id: id,
              entity_ref: entityRef,
              joined_at: now,
              left_at: null,
            })),
          )
          .onConflict(['rollout_id', 'entity_ref'])
          .ignore();
      }
      for (let i = 0; i < leaving.length; i += 500) {
        await tx('rollout_member')
          .where({ rollout_id: id })
          .whereIn('entity_ref', leaving.slice(i, i + 500))
          .update({ left_at: now });
      }
      for (let i = 0; i < returning.length; i += 500) {
        await tx('rollout_member')
          .where({ rollout_id: id })
          .whereIn('entity_ref', returning.slice(i, i + 500))
          .update({ joined_at: now, left_at: null });
      }
      const after = await tx<MemberRow>('rollout_member')
        .where({ rollout_id: id })
        .orderBy('entity_ref');
      return after.map(toMember);
    });
  }
}
