import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { normalisedRef } from '../service/entityRefs';
import { migratedClient } from './migrations';
import { ReminderKey, ReminderKind, ReminderStore } from './ReminderStore';

type ReminderRow = {
  rollout_id: string;
  entity_ref: string;
  kind: string;
  deadline: string;
};

const BATCH = 500;

/** The Knex implementation of {@link ReminderStore}, for SQLite and PostgreSQL. */
export class DatabaseReminderStore implements ReminderStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseReminderStore> {
    return new DatabaseReminderStore(await migratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async claim(
    rolloutId: string,
    notices: (ReminderKey & { ownerRef: string })[],
    now: Date,
  ): Promise<ReminderKey[]> {
    const claimed: ReminderKey[] = [];
    for (let i = 0; i < notices.length; i += BATCH) {
      // ON CONFLICT DO NOTHING with RETURNING gives back only the rows this
      // statement inserted, on both databases: the key is the claim.
      const rows: ReminderRow[] = await this.db('rollout_reminder')
        .insert(
          notices.slice(i, i + BATCH).map(notice => ({
            rollout_id: rolloutId,
            entity_ref: normalisedRef(notice.entityRef),
            kind: notice.kind,
            deadline: notice.deadline,
            owner_ref: notice.ownerRef,
            sent_at: now,
          })),
        )
        .onConflict(['rollout_id', 'entity_ref', 'kind', 'deadline'])
        .ignore()
        .returning(['entity_ref', 'kind', 'deadline']);
      claimed.push(
        ...rows.map(row => ({
          entityRef: row.entity_ref,
          kind: row.kind as ReminderKind,
          deadline: row.deadline,
        })),
      );
    }
    return claimed;
  }
}
