import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseChecklistStore } from './DatabaseChecklistStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

function databaseService(knex: Knex): DatabaseService {
  return { getClient: async () => knex, migrations: { skip: false } };
}

const entityRef = 'component:default/payments-monolith';

describe.each(databases.eachSupportedId())(
  'DatabaseChecklistStore on %s',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let store: DatabaseChecklistStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseChecklistStore.create({
        database: databaseService(knex),
      });
    });

    it('migrates down and up again without losing the ability to write', async () => {
      await knex.migrate.rollback(
        { directory: DatabaseChecklistStore.migrationsDir },
        true,
      );
      expect(await knex.schema.hasTable('checklist_status')).toBe(false);
      expect(await knex.schema.hasTable('checklist_history')).toBe(false);

      await knex.migrate.latest({
        directory: DatabaseChecklistStore.migrationsDir,
      });
      const result = await store.applyChange({
        entityRef,
        itemId: 'dora-deployment-frequency',
        status: 'done',
        actor: 'user:default/alice',
      });
      expect(result.outcome).toBe('updated');
    });

    it('round-trips a status with its note, evidence, author and time', async () => {
      const before = Date.now();
      await store.applyChange({
        entityRef,
        itemId: 'resilience-timeouts',
        status: 'not-applicable',
        note: 'Batch job; no synchronous callers',
        evidenceUrl: 'https://wiki.example.com/adr/12',
        actor: 'user:default/alice',
      });

      const [state] = await store.getStates(entityRef);
      expect(state).toEqual({
        itemId: 'resilience-timeouts',
        status: 'not-applicable',
        note: 'Batch job; no synchronous callers',
        evidenceUrl: 'https://wiki.example.com/adr/12',
        version: 1,
        updatedBy: 'user:default/alice',
        updatedAt: expect.any(String),
      });
      const updatedAt = Date.parse(state.updatedAt!);
      expect(updatedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(updatedAt).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await store.getStates('component:default/other')).toEqual([]);
    });

    it("keeps an exemption's last day in the state and the history, and a new day is a new version", async () => {
      const exempt = {
        entityRef,
        itemId: 'resilience-timeouts',
        status: 'not-applicable' as const,
        note: 'Until the rewrite ships',
        actor: 'user:default/alice',
      };
      await store.applyChange({ ...exempt, until: '2027-01-31' });
      expect((await store.getStates(entityRef))[0]).toMatchObject({
        until: '2027-01-31',
        version: 1,
      });
      // The same exemption again is harmless; a later day is a change.
      await store.applyChange({ ...exempt, until: '2027-01-31' });
      const moved = await store.applyChange({ ...exempt, until: '2027-03-31' });
      expect(moved).toMatchObject({
        outcome: 'updated',
        state: { until: '2027-03-31', version: 2 },
      });
      const history = await store.getHistory({ entityRef, limit: 10 });
      expect(history.items.map(h => [h.version, h.until])).toEqual([
        [2, '2027-03-31'],
        [1, '2027-01-31'],
      ]);
    });

    it('rejects a stale version with the current state and writes nothing', async () => {
      await store.applyChange({
        entityRef,
        itemId: 'ci',
        status: 'in-progress',
        expectedVersion: 0,
        actor: 'user:default/alice',
      });
      const stale = await store.applyChange({
        entityRef,
        itemId: 'ci',
        status: 'done',
        expectedVersion: 0,
        actor: 'user:default/bob',
      });

      expect(stale.outcome).toBe('conflict');
      expect(stale.state).toMatchObject({
        status: 'in-progress',
        version: 1,
        updatedBy: 'user:default/alice',
      });
      const history = await store.getHistory({ entityRef, limit: 10 });
      expect(history.items).toHaveLength(1);
    });

    it('treats a repeated update as harmless and records it once', async () => {
      const change = {
        entityRef,
        itemId: 'ci',
        status: 'done' as const,
        note: 'GitHub Actions on every PR',
        expectedVersion: 0,
        actor: 'user:default/alice',
      };
      const first = await store.applyChange(change);
      const repeat = await store.applyChange(change);

      expect(first.outcome).toBe('updated');
      expect(repeat.outcome).toBe('unchanged');
      expect(repeat.state.version).toBe(1);
      const history = await store.getHistory({ entityRef, limit: 10 });
      expect(history.items).toHaveLength(1);
    });

    it('keeps an append-only history, newest first, in pages', async () => {
      const statuses = ['in-progress', 'done', 'todo', 'done'] as const;
      for (const [index, status] of statuses.entries()) {
        await store.applyChange({
          entityRef,
          itemId: 'postmortem-template',
          status,
          expectedVersion: index,
          actor: `user:default/user-${index}`,
        });
      }

      const firstPage = await store.getHistory({ entityRef, limit: 3 });
      expect(firstPage.items.map(e => e.version)).toEqual([4, 3, 2]);
      expect(firstPage.items[0]).toMatchObject({
        status: 'done',
        previousStatus: 'todo',
        changedBy: 'user:default/user-3',
      });
      expect(firstPage.nextCursor).toBeDefined();

      const secondPage = await store.getHistory({
        entityRef,
        limit: 3,
        cursor: firstPage.nextCursor,
      });
      expect(secondPage.items.map(e => e.version)).toEqual([1]);
      expect(secondPage.items[0].previousStatus).toBeUndefined();
      expect(secondPage.nextCursor).toBeUndefined();
    });

    it('filters history by item', async () => {
      for (const itemId of ['ci', 'observability', 'ci']) {
        const [current] = (await store.getStates(entityRef)).filter(
          s => s.itemId === itemId,
        );
        await store.applyChange({
          entityRef,
          itemId,
          status: current ? 'done' : 'in-progress',
          actor: 'user:default/alice',
        });
      }
      const ci = await store.getHistory({ entityRef, itemId: 'ci', limit: 10 });
      expect(ci.items.map(e => e.status)).toEqual(['done', 'in-progress']);
    });

    it('lets exactly one of 20 concurrent writers win each version', async () => {
      const writers = Array.from({ length: 20 }, (_, index) =>
        store.applyChange({
          entityRef,
          itemId: 'chaos-experiment',
          status: index % 2 ? 'done' : 'in-progress',
          note: `writer ${index}`,
          expectedVersion: 0,
          actor: `user:default/writer-${index}`,
        }),
      );
      const results = await Promise.all(writers);

      const winners = results.filter(r => r.outcome === 'updated');
      expect(winners).toHaveLength(1);
      expect(results.filter(r => r.outcome === 'conflict')).toHaveLength(19);
      for (const loser of results.filter(r => r.outcome === 'conflict')) {
        expect(loser.state.version).toBe(1);
        expect(loser.state.note).toBe(winners[0].state.note);
      }

      // A second round on version 1: again one winner, and the history holds
      // every accepted change and nothing else.
      const secondRound = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          store.applyChange({
            entityRef,
            itemId: 'chaos-experiment',
            status: 'done',
            note: `second round ${index}`,
            expectedVersion: 1,
            actor: `user:default/writer-${index}`,
          }),
        ),
      );
      expect(secondRound.filter(r => r.outcome === 'updated')).toHaveLength(1);

      const history = await store.getHistory({ entityRef, limit: 100 });
      expect(history.items.map(e => e.version)).toEqual([2, 1]);
      const [state] = await store.getStates(entityRef);
      expect(state.version).toBe(2);
      expect(state.note).toBe(history.items[0].note);
    });

    it('accepts every one of 60 concurrent updates without a version, in gapless versions', async () => {
      const writers = 60;
      const results = await Promise.all(
        Array.from({ length: writers }, (_, index) =>
          store.applyChange({
            entityRef,
            itemId: 'chaos-experiment',
            status: index % 2 ? 'done' : 'in-progress',
            note: `writer ${index}`,
            actor: `user:default/writer-${index}`,
          }),
        ),
      );

      expect(results.map(r => r.outcome)).toEqual(
        Array(writers).fill('updated'),
      );
      expect(results.map(r => r.state.version).sort((a, b) => a - b)).toEqual(
        Array.from({ length: writers }, (_, index) => index + 1),
      );
      const history = await store.getHistory({ entityRef, limit: 200 });
      expect(history.items.map(e => e.version)).toEqual(
        Array.from({ length: writers }, (_, index) => writers - index),
      );
      expect(history.items.map(e => e.note).sort()).toEqual(
        results.map(r => r.state.note).sort(),
      );
      expect(new Set(history.items.map(e => e.note)).size).toBe(writers);
      const [state] = await store.getStates(entityRef);
      expect(state.version).toBe(writers);
      expect(state.note).toBe(history.items[0].note);
    });

    it('reads the states of many entities at once', async () => {
      await store.applyChange({
        entityRef,
        itemId: 'ci',
        status: 'done',
        actor: 'user:default/alice',
      });
      const states = await store.getStatesForEntities([
        entityRef,
        'component:default/unknown',
      ]);
      expect(states.get(entityRef)?.map(s => s.itemId)).toEqual(['ci']);
      expect(states.get('component:default/unknown')).toEqual([]);
    });

    it("normalises entity refs: any case reads and writes one row, keyed back by the caller's refs", async () => {
      await store.applyChange({
        entityRef: 'Component:Default/Payments-Monolith',
        itemId: 'ci',
        status: 'in-progress',
        expectedVersion: 0,
        actor: 'user:default/alice',
      });
      const stale = await store.applyChange({
        entityRef: 'COMPONENT:DEFAULT/PAYMENTS-MONOLITH',
        itemId: 'ci',
        status: 'done',
        expectedVersion: 0,
        actor: 'user:default/bob',
      });
      expect(stale.outcome).toBe('conflict');

      expect(await knex('checklist_status').select('entity_ref')).toEqual([
        { entity_ref: entityRef },
      ]);
      expect(
        (await store.getStates('component:DEFAULT/payments-MONOLITH')).map(
          s => s.version,
        ),
      ).toEqual([1]);
      const history = await store.getHistory({
        entityRef: 'Component:default/payments-monolith',
        limit: 10,
      });
      expect(history.items.map(e => e.status)).toEqual(['in-progress']);

      const callerRefs = [
        'Component:default/Payments-Monolith',
        'component:default/payments-monolith',
        'Component:default/Unknown',
      ];
      const states = await store.getStatesForEntities(callerRefs);
      expect([...states.keys()]).toEqual(callerRefs);
      expect(states.get(callerRefs[0])?.map(s => s.itemId)).toEqual(['ci']);
      expect(states.get(callerRefs[1])?.map(s => s.itemId)).toEqual(['ci']);
      expect(states.get(callerRefs[2])).toEqual([]);
    });
  },
);
