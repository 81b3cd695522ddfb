import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  DEFAULT_SCORING_RULES,
  ScorecardEntityRow,
  scoreLevel,
} from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

function row(
  entityRef: string,
  score: number,
  extra: Partial<ScorecardEntityRow> = {},
): ScorecardEntityRow {
  return {
    entityRef,
    kind: 'Component',
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
    system: 'system:default/payments',
    domain: 'domain:default/money',
    score,
    level: scoreLevel(score, DEFAULT_SCORING_RULES),
    done: 3,
    applicable: 10,
    exempted: 1,
    warnings: { low: 0, medium: 1, high: 2, critical: 0 },
    knowledgeVersion: 'kb-1',
    takenAt: '2026-11-30T03:00:00.000Z',
    ...extra,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseScorecardStore on %s',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let store: DatabaseScorecardStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseScorecardStore.create({
        database: { getClient: async () => knex, migrations: { skip: false } },
      });
    });

    it('round-trips every field of a row, with the entity ref normalised', async () => {
      const written = row('Component:default/Ledger', 62, {
        title: 'Ledger, "core"',
        type: undefined,
      });
      await store.writeRows('2026-11-30', [written]);
      const [read] = await store.getRows(['2026-11-30']);
      expect(read).toEqual({
        ...written,
        entityRef: 'component:default/ledger',
        type: undefined,
        day: '2026-11-30',
      });
    });

    it("writes a (day, entity) once: a second run's rows of the same day are ignored", async () => {
      await store.writeRows('2026-11-30', [
        row('component:default/a', 10),
        row('component:default/b', 20),
      ]);
      // A second instance (or a retried run) with other figures.
      await store.writeRows('2026-11-30', [
        row('component:default/a', 99),
        row('component:default/c', 30),
      ]);
      const rows = await store.getRows(['2026-11-30']);
      expect(rows.map(r => [r.entityRef, r.score])).toEqual([
        ['component:default/a', 10],
        ['component:default/b', 20],
        ['component:default/c', 30],
      ]);
      const [{ count }] = await knex('scorecard_snapshot_entity').count({
        count: '*',
      });
      expect(Number(count)).toBe(3);
    });

    it('completes a day once, and lists completed days newest first within a range', async () => {
      const info = (day: string) => ({
        day,
        takenAt: `${day}T03:00:00.000Z`,
        entities: 2,
        knowledgeVersion: 'kb-1',
      });
      expect(await store.getSnapshot('2026-11-29')).toBeUndefined();
      expect(await store.completeSnapshot(info('2026-11-29'))).toBe(true);
      expect(await store.completeSnapshot(info('2026-11-29'))).toBe(false);
      await store.completeSnapshot(info('2026-11-30'));
      await store.completeSnapshot(info('2026-12-01'));

      expect(await store.getSnapshot('2026-11-29')).toEqual(info('2026-11-29'));
      expect((await store.listSnapshots()).map(s => s.day)).toEqual([
        '2026-12-01',
        '2026-11-30',
        '2026-11-29',
      ]);
      expect(
        (
          await store.listSnapshots({ from: '2026-11-30', to: '2026-11-30' })
        ).map(s => s.day),
      ).toEqual(['2026-11-30']);
      expect((await store.listSnapshots({ limit: 2 })).map(s => s.day)).toEqual(
        ['2026-12-01', '2026-11-30'],
      );
    });

    it("reads one entity's series over completed days only, oldest first", async () => {
      for (const [day, score] of [
        ['2026-11-28', 10],
        ['2026-11-29', 20],
        ['2026-11-30', 30],
      ] as const) {
        await store.writeRows(day, [row('component:default/ledger', score)]);
      }
      await store.completeSnapshot({
        day: '2026-11-28',
        takenAt: '2026-11-28T03:00:00.000Z',
        entities: 1,
        knowledgeVersion: 'kb-1',
      });
      await store.completeSnapshot({
        day: '2026-11-29',
        takenAt: '2026-11-29T03:00:00.000Z',
        entities: 1,
        knowledgeVersion: 'kb-1',
      });
      // 2026-11-30 is still being written.
      const series = await store.getEntityRows('Component:default/LEDGER', {
        from: '2026-11-01',
        to: '2026-12-31',
      });
      expect(series.map(r => [r.day, r.score])).toEqual([
        ['2026-11-28', 10],
        ['2026-11-29', 20],
      ]);
      const narrowed = await store.getEntityRows('component:default/ledger', {
        from: '2026-11-29',
        to: '2026-11-29',
      });
      expect(narrowed.map(r => r.day)).toEqual(['2026-11-29']);
    });

    it('deletes the rows and snapshots of days before a day, and keeps the rest', async () => {
      for (const day of ['2025-10-01', '2025-10-02', '2026-11-30']) {
        await store.writeRows(day, [row('component:default/a', 1)]);
        await store.completeSnapshot({
          day,
          takenAt: `${day}T03:00:00.000Z`,
          entities: 1,
          knowledgeVersion: 'kb-1',
        });
      }
      expect(await store.deleteBefore('2025-10-02')).toEqual({
        rows: 1,
        snapshots: 1,
      });
      expect((await store.listSnapshots()).map(s => s.day)).toEqual([
        '2026-11-30',
        '2025-10-02',
      ]);
      expect(
        (await store.getRows(['2025-10-01', '2025-10-02'])).map(r => r.day),
      ).toEqual(['2025-10-02']);
    });

    it('writes and reads a snapshot larger than one insert batch', async () => {
      const rows = Array.from({ length: 1234 }, (_, i) =>
        row(`component:default/service-${String(i).padStart(4, '0')}`, i % 101),
      );
      await store.writeRows('2026-11-30', rows);
      const read = await store.getRows(['2026-11-30']);
      expect(read).toHaveLength(1234);
      expect(read[1233]).toMatchObject({
        entityRef: 'component:default/service-1233',
        score: 1233 % 101,
      });
    });
  },
);
