import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  DEFAULT_SCORING_RULES,
  KnowledgeBase,
  ScorecardEntityRow,
  scoreLevel,
} from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import { DatabaseChecklistStore } from '../database/DatabaseChecklistStore';
import { DatabaseScorecardStore } from '../database/DatabaseScorecardStore';
import {
  countingCatalog,
  HIDDEN_FROM_MALLORY,
} from '../testing/countingCatalog';
import { rollupCatalog } from '../testing/rollupCatalog';
import {
  loadBuiltInKnowledge,
  scoringServices,
} from '../__testUtils__/scoringServices';
import { ScorecardService } from './ScorecardService';

jest.setTimeout(60_000);

const alice = mockCredentials.user('user:default/alice');
const mallory = mockCredentials.user('user:default/mallory');
const databases = TestDatabases.create();

/** The scored entities of the test catalog (groups, users and domains are not scored). */
const SCORED = [
  'component:default/bob-script',
  'component:default/checkout',
  'component:default/hidden-service',
  'component:default/ledger',
  'component:default/loop-a-service',
  'component:default/loop-b-service',
  'component:default/portal',
  'component:default/root-tool',
  'resource:default/ledger-db',
  'system:default/payments-system',
];

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await loadBuiltInKnowledge();
});

describe.each(databases.eachSupportedId())(
  'ScorecardService on %s',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let store: DatabaseScorecardStore;
    let checklistStore: DatabaseChecklistStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      const database = {
        getClient: async () => knex,
        migrations: { skip: false },
      };
      store = await DatabaseScorecardStore.create({ database });
      checklistStore = await DatabaseChecklistStore.create({ database });
    });

    function service(retentionDays = 400) {
      const { catalog } = countingCatalog(rollupCatalog);
      const { scorer, guidanceAlone } = scoringServices({
        catalog,
        checklistStore,
        knowledge,
      });
      const scorecards = new ScorecardService({
        catalog,
        auth: mockServices.auth(),
        scorer,
        store,
        scoring: DEFAULT_SCORING_RULES,
        logger: mockServices.logger.mock(),
        retentionDays,
      });
      /** The entity's score as its own tab computes it. */
      const scoreAlone = async (entityRef: string) =>
        (await guidanceAlone(entityRef, alice)).score;
      return { scorecards, scoreAlone };
    }

    const countRows = async () =>
      Number(
        (await knex('scorecard_snapshot_entity').count({ count: '*' }))[0]
          .count,
      );

    describe('the snapshot task', () => {
      it('stores one row per scored entity, each as its own tab scores it, with owner, system and domain', async () => {
        const { scorecards, scoreAlone } = service();
        await checklistStore.applyChange({
          entityRef: 'component:default/ledger',
          itemId: 'postmortem-template',
          status: 'done',
          actor: 'user:default/alice',
        });
        const now = new Date('2026-12-01T03:00:00Z');
        const result = await scorecards.takeSnapshot({ now });
        expect(result).toMatchObject({
          day: '2026-12-01',
          taken: true,
          entities: SCORED.length,
        });

        const rows = await store.getRows(['2026-12-01']);
        expect(rows.map(r => r.entityRef)).toEqual(SCORED);
        for (const row of rows) {
          const alone = await scoreAlone(row.entityRef);
          expect({
            ref: row.entityRef,
            score: row.score,
            level: row.level,
          }).toEqual({
            ref: row.entityRef,
            score: alone.score,
            level: alone.level,
          });
        }
        const ledger = rows.find(
          r => r.entityRef === 'component:default/ledger',
        )!;
        expect(ledger).toMatchObject({
          kind: 'Component',
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/payments-core',
          system: 'system:default/payments-system',
          domain: 'domain:default/money',
          knowledgeVersion: knowledge.version,
          takenAt: now.toISOString(),
        });
        expect(ledger.done).toBeGreaterThanOrEqual(1);
        const system = rows.find(r => r.kind === 'System')!;
        expect(system).toMatchObject({
          system: 'system:default/payments-system',
          domain: 'domain:default/money',
          owner: 'group:default/payments',
        });
        expect(await store.getSnapshot('2026-12-01')).toMatchObject({
          entities: SCORED.length,
          knowledgeVersion: knowledge.version,
        });
      });

      it('writes nothing twice on the same day, from this instance or another', async () => {
        const now = new Date('2026-12-01T03:00:00Z');
        await service().scorecards.takeSnapshot({ now });
        const before = await store.getRows(['2026-12-01']);

        const again = await service().scorecards.takeSnapshot({
          now: new Date('2026-12-01T21:00:00Z'),
        });
        expect(again).toMatchObject({ taken: false, entities: 0 });
        expect(await countRows()).toBe(SCORED.length);
        expect(await store.getRows(['2026-12-01'])).toEqual(before);

        // A run that died half-way is finished by the next one, keeping the
        // rows it wrote.
        await knex('scorecard_snapshot').delete();
        await knex('scorecard_snapshot_entity')
          .whereNot({ entity_ref: 'component:default/ledger' })
          .delete();
        const resumed = await service().scorecards.takeSnapshot({ now });
        expect(resumed.taken).toBe(true);
        expect(await countRows()).toBe(SCORED.length);
      });

      it('deletes the days past the retention and keeps the rest', async () => {
        const oldRow: ScorecardEntityRow = {
          entityRef: 'component:default/ledger',
          kind: 'Component',
          score: 5,
          level: 'none',
          done: 0,
          applicable: 1,
          exempted: 0,
          warnings: { low: 0, medium: 0, high: 0, critical: 0 },
          knowledgeVersion: 'old',
          takenAt: '2025-01-01T00:00:00.000Z',
        };
        for (const day of ['2026-10-31', '2026-11-01']) {
          await store.writeRows(day, [oldRow]);
          await store.completeSnapshot({
            day,
            takenAt: `${day}T00:00:00.000Z`,
            entities: 1,
            knowledgeVersion: 'old',
          });
        }
        const result = await service(30).scorecards.takeSnapshot({
          now: new Date('2026-12-01T03:00:00Z'),
        });
        // 30 days before 2026-12-01 is 2026-11-01: that day stays.
        expect(result.deletedRows).toBe(1);
        expect((await store.listSnapshots()).map(s => s.day)).toEqual([
          '2026-12-01',
          '2026-11-01',
        ]);
      });
    });

    /** Stores a completed snapshot of hand-written rows. */
    async function storeSnapshot(
      day: string,
      rows: Omit<
        ScorecardEntityRow,
        'knowledgeVersion' | 'takenAt' | 'warnings' | 'exempted'
      >[],
    ) {
      const takenAt = `${day}T03:00:00.000Z`;
      await store.writeRows(
        day,
        rows.map(r => ({
          exempted: 0,
          warnings: { low: 0, medium: 0, high: 1, critical: 0 },
          knowledgeVersion: `kb-${day}`,
          takenAt,
          ...r,
        })),
      );
      await store.completeSnapshot({
        day,
        takenAt,
        entities: rows.length,
        knowledgeVersion: `kb-${day}`,
      });
    }

    const entity = (
      name: string,
      score: number,
      done: number,
      extra: Partial<ScorecardEntityRow> = {},
    ) => ({
      entityRef: `component:default/${name}`,
      kind: 'Component',
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/payments',
      system: 'system:default/payments-system',
      domain: 'domain:default/money',
      score,
      level: scoreLevel(score, DEFAULT_SCORING_RULES),
      done,
      applicable: 10,
      ...extra,
    });

    async function twoSnapshots() {
      await storeSnapshot('2026-11-30', [
        entity('ledger', 40, 4, { owner: 'group:default/payments-core' }),
        entity('checkout', 20, 2),
        entity('portal', 10, 1, {
          owner: 'group:default/platform',
          system: undefined,
          domain: undefined,
        }),
      ]);
      await storeSnapshot('2026-12-01', [
        entity('ledger', 90, 9, { owner: 'group:default/payments-core' }),
        entity('checkout', 30, 3),
        entity('hidden-service', 60, 6),
        entity('portal', 10, 1, {
          owner: 'group:default/platform',
          system: undefined,
          domain: undefined,
        }),
        entity('ledger-db', 70, 7, {
          entityRef: 'resource:default/ledger-db',
          kind: 'Resource',
          type: 'database',
          owner: 'group:default/payments-core',
        }),
      ]);
    }

    describe('the report', () => {
      it('groups the latest snapshot by owner, with totals and the change since the snapshot before', async () => {
        await twoSnapshots();
        const report = await service().scorecards.report({
          groupBy: 'owner',
          filters: {},
          live: false,
          credentials: alice,
        });
        expect(report).toMatchObject({
          source: 'snapshot',
          takenAt: '2026-12-01T03:00:00.000Z',
          previousTakenAt: '2026-11-30T03:00:00.000Z',
          knowledgeVersion: 'kb-2026-12-01',
        });
        expect(report.totals).toMatchObject({
          entities: 5,
          meanScore: 52, // (90 + 30 + 60 + 10 + 70) / 5
          medianScore: 60,
          done: 26,
          applicable: 50,
          percent: 52,
          warnings: { low: 0, medium: 0, high: 5, critical: 0 },
        });
        expect(
          report.groups.map(g => [
            g.key,
            g.entities,
            g.meanScore,
            g.medianScore,
            g.done,
            g.levels,
            g.change?.meanScore,
            g.change?.entities,
          ]),
        ).toEqual([
          // checkout 30 and hidden-service 60; then checkout 20 alone
          [
            'group:default/payments',
            2,
            45,
            45,
            9,
            { none: 0, bronze: 1, silver: 1, gold: 0 },
            25,
            1,
          ],
          // ledger 90 and ledger-db 70; then ledger 40
          [
            'group:default/payments-core',
            2,
            80,
            80,
            16,
            { none: 0, bronze: 0, silver: 1, gold: 1 },
            40,
            1,
          ],
          [
            'group:default/platform',
            1,
            10,
            10,
            1,
            { none: 1, bronze: 0, silver: 0, gold: 0 },
            0,
            0,
          ],
        ]);
      });

      it('groups by system, domain, or not at all, entities without one last', async () => {
        await twoSnapshots();
        const { scorecards } = service();
        const report = (groupBy: 'system' | 'domain' | 'none') =>
          scorecards.report({
            groupBy,
            filters: {},
            live: false,
            credentials: alice,
          });
        expect(
          (await report('system')).groups.map(g => [g.key, g.entities]),
        ).toEqual([
          ['system:default/payments-system', 4],
          [null, 1],
        ]);
        expect(
          (await report('domain')).groups.map(g => [g.key, g.meanScore]),
        ).toEqual([
          ['domain:default/money', 62.5],
          [null, 10],
        ]);
        const perEntity = await report('none');
        expect(perEntity.groups.map(g => [g.key, g.meanScore])).toEqual([
          ['component:default/checkout', 30],
          ['component:default/hidden-service', 60],
          ['component:default/ledger', 90],
          ['component:default/portal', 10],
          ['resource:default/ledger-db', 70],
        ]);
        expect(perEntity.groups[2].entity).toMatchObject({
          kind: 'Component',
          owner: 'group:default/payments-core',
        });
      });

      it('narrows to kind, type and lifecycle', async () => {
        await twoSnapshots();
        const { scorecards } = service();
        const keys = async (filters: object) =>
          (
            await scorecards.report({
              groupBy: 'none',
              filters,
              live: false,
              credentials: alice,
            })
          ).groups.map(g => g.key);
        expect(await keys({ kind: 'resource' })).toEqual([
          'resource:default/ledger-db',
        ]);
        expect(await keys({ type: 'database' })).toEqual([
          'resource:default/ledger-db',
        ]);
        expect(
          await keys({ kind: 'Component', lifecycle: 'experimental' }),
        ).toEqual([]);
      });

      it('counts only the entities the caller can see now', async () => {
        await twoSnapshots();
        const report = await service().scorecards.report({
          groupBy: 'owner',
          filters: {},
          live: false,
          credentials: mallory,
        });
        expect(report.totals.entities).toBe(4);
        expect(
          report.groups.find(g => g.key === 'group:default/payments'),
        ).toMatchObject({ entities: 1, meanScore: 30 });
      });

      it('computes the report live when asked, or when there is no snapshot yet', async () => {
        const { scorecards, scoreAlone } = service();
        const first = await scorecards.report({
          groupBy: 'none',
          filters: { kind: 'component' },
          live: false,
          credentials: alice,
        });
        expect(first.source).toBe('live');
        expect(first.previousTakenAt).toBeUndefined();
        expect(first.groups.map(g => g.key)).toEqual(
          SCORED.filter(ref => ref.startsWith('component:')),
        );
        const ledger = first.groups.find(
          g => g.key === 'component:default/ledger',
        )!;
        expect(ledger.meanScore).toBe(
          (await scoreAlone('component:default/ledger')).score,
        );

        await twoSnapshots();
        const live = await scorecards.report({
          groupBy: 'owner',
          filters: {},
          live: true,
          credentials: mallory,
        });
        expect(live.source).toBe('live');
        // Compared with the latest snapshot.
        expect(live.previousTakenAt).toBe('2026-12-01T03:00:00.000Z');
        expect(live.totals.entities).toBe(SCORED.length - 1);
      });
    });

    describe('history', () => {
      it("gives each group's totals per snapshot day within the range, over what the caller can see", async () => {
        await twoSnapshots();
        await storeSnapshot('2026-10-01', [entity('checkout', 5, 0)]);
        const history = await service().scorecards.history({
          groupBy: 'owner',
          filters: {},
          range: { from: '2026-11-01', to: '2026-12-01' },
          credentials: mallory,
        });
        expect(history.snapshots.map(s => [s.day, s.knowledgeVersion])).toEqual(
          [
            ['2026-11-30', 'kb-2026-11-30'],
            ['2026-12-01', 'kb-2026-12-01'],
          ],
        );
        expect(
          history.overall.points.map(p => [p.day, p.entities, p.meanScore]),
        ).toEqual([
          ['2026-11-30', 3, 23.3],
          // hidden-service is not counted for mallory
          ['2026-12-01', 4, 50],
        ]);
        const payments = history.trends.find(
          t => t.key === 'group:default/payments',
        )!;
        expect(payments.points.map(p => [p.day, p.meanScore])).toEqual([
          ['2026-11-30', 20],
          ['2026-12-01', 30],
        ]);
      });

      it("gives one entity's series, and 404 for an entity the caller cannot see", async () => {
        await twoSnapshots();
        const { scorecards } = service();
        const series = await scorecards.entityHistory({
          ref: parseEntityRef('component:default/ledger'),
          range: { from: '2026-11-01', to: '2026-12-01' },
          credentials: alice,
        });
        expect(series.points.map(p => [p.day, p.score, p.level])).toEqual([
          ['2026-11-30', 40, 'bronze'],
          ['2026-12-01', 90, 'gold'],
        ]);
        await expect(
          scorecards.entityHistory({
            ref: parseEntityRef(HIDDEN_FROM_MALLORY),
            range: { from: '2026-11-01', to: '2026-12-01' },
            credentials: mallory,
          }),
        ).rejects.toThrow(NotFoundError);
      });
    });
  },
);
