import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DEFAULT_SCORING_RULES,
  KnowledgeBase,
  RollupPageResponse,
  RollupScope,
} from '@case-studies/plugin-case-studies-common';
import { DatabaseChecklistStore } from '../database/DatabaseChecklistStore';
import { countingCatalog } from '../testing/countingCatalog';
import { component, group, rollupCatalog } from '../testing/rollupCatalog';
import {
  loadBuiltInKnowledge,
  scoringServices,
} from '../__testUtils__/scoringServices';
import { withRelations } from '../testing/withRelations';
import { RollupService } from './RollupService';

jest.setTimeout(60_000);

const alice = mockCredentials.user('user:default/alice');
const mallory = mockCredentials.user('user:default/mallory');

const databases = TestDatabases.create();

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await loadBuiltInKnowledge();
});

describe.each(databases.eachSupportedId())(
  'RollupService on %s',
  (databaseId: TestDatabaseId) => {
    let store: DatabaseChecklistStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      store = await DatabaseChecklistStore.create({
        database: { getClient: async () => knex, migrations: { skip: false } },
      });
    });

    function service(entities = rollupCatalog) {
      const { catalog, calls } = countingCatalog(entities);
      const { scorer, guidanceAlone: alone } = scoringServices({
        catalog,
        checklistStore: store,
        knowledge,
      });
      const rollups = new RollupService({
        catalog,
        knowledge,
        scoring: DEFAULT_SCORING_RULES,
        scorer,
      });
      const progress = (
        scope: RollupScope,
        name: string,
        options: {
          recursive?: boolean;
          limit?: number;
          cursor?: string;
          credentials?: BackstageCredentials;
        } = {},
      ) =>
        rollups.progress({
          scope,
          ref: { kind: scope, namespace: 'default', name },
          recursive: options.recursive ?? true,
          page: { limit: options.limit ?? 100, cursor: options.cursor },
          credentials: options.credentials ?? alice,
        });
      /** The entity's guidance as its own tab reads it, one entity alone. */
      const guidanceAlone = (entityRef: string) => alone(entityRef, alice);
      /** An applicable item the entity has neither done nor exempted. */
      const openItemOf = async (entityRef: string) =>
        (await guidanceAlone(entityRef)).checklist.find(
          item =>
            item.applies &&
            item.state.status === 'todo' &&
            !item.automatic.satisfied,
        )!.id;
      return { progress, calls, guidanceAlone, openItemOf };
    }

    const names = (response: RollupPageResponse) =>
      response.entities.map(e => e.name).sort();
    /** The teams of a first page (later pages leave them out). */
    const teamsOf = (response: RollupPageResponse) => {
      expect(response.teams).toBeDefined();
      return response.teams ?? [];
    };

    it('rolls up every entity a group owns through three levels of sub-teams, each with its owning sub-team', async () => {
      const { progress } = service();
      const response = await progress('group', 'org');

      expect(names(response)).toEqual([
        'checkout',
        'hidden-service',
        'ledger',
        'ledger-db',
        'payments-system',
        'portal',
        'root-tool',
      ]);
      expect(response.totalEntities).toBe(7);
      expect(response.summary.entities).toBe(7);
      expect(response.title).toBe('The Organisation');
      const teamOf = Object.fromEntries(
        response.entities.map(e => [e.name, e.team]),
      );
      expect(teamOf).toMatchObject({
        ledger: 'group:default/payments-core',
        checkout: 'group:default/payments',
        portal: 'group:default/platform',
        'root-tool': 'group:default/org',
      });
      expect(
        teamsOf(response).map(t => [t.entityRef, t.parent, t.summary.entities]),
      ).toEqual([
        ['group:default/org', undefined, 1],
        ['group:default/engineering', 'group:default/org', 0],
        ['group:default/empty-team', 'group:default/org', 0],
        ['group:default/payments', 'group:default/engineering', 3],
        ['group:default/platform', 'group:default/engineering', 1],
        ['group:default/payments-core', 'group:default/payments', 2],
      ]);
      // Each team's summary counts exactly the entities it owns.
      for (const team of teamsOf(response)) {
        const owned = response.entities.filter(e => e.team === team.entityRef);
        const sum = (f: (e: (typeof owned)[number]) => number) =>
          owned.reduce((total, e) => total + f(e), 0);
        expect(team.summary).toMatchObject({
          entities: owned.length,
          done: sum(e => e.done),
          applicable: sum(e => e.applicable),
          exempted: sum(e => e.exempted),
        });
      }
    });

    it('leaves sub-teams out when not recursive', async () => {
      const { progress } = service();
      const response = await progress('group', 'org', { recursive: false });
      expect(names(response)).toEqual(['root-tool']);
      expect(response.recursive).toBe(false);
      expect(teamsOf(response).map(t => t.entityRef)).toEqual([
        'group:default/org',
      ]);
    });

    it('walks a cycle in group parents once', async () => {
      const { progress } = service();
      const response = await progress('group', 'loop-a');
      expect(names(response)).toEqual(['loop-a-service', 'loop-b-service']);
      expect(teamsOf(response).map(t => t.entityRef)).toEqual([
        'group:default/loop-a',
        'group:default/loop-b',
      ]);
    });

    it('gives an empty roll-up for a group that owns nothing', async () => {
      const { progress } = service();
      const response = await progress('group', 'empty-team');
      expect(response.entities).toEqual([]);
      expect(response.totalEntities).toBe(0);
      expect(response.summary).toMatchObject({
        entities: 0,
        meanScore: null,
        medianScore: null,
      });
      expect(response.nextCursor).toBeUndefined();
    });

    it("shows a user the roll-up of the user's groups and what the user owns, and keeps a user's entity out of the group's", async () => {
      const { progress } = service();
      const bob = await progress('user', 'bob');
      expect(names(bob)).toEqual(['bob-script', 'portal']);
      expect(bob.entities.find(e => e.name === 'bob-script')?.team).toBe(
        'user:default/bob',
      );

      const platform = await progress('group', 'platform');
      expect(names(platform)).toEqual(['portal']);

      const aliceTeams = await progress('user', 'alice');
      expect(names(aliceTeams)).toEqual([
        'checkout',
        'hidden-service',
        'ledger',
        'ledger-db',
        'payments-system',
      ]);
    });

    it('leaves out an entity the caller may not see, without an error', async () => {
      const { progress } = service();
      const asMallory = await progress('group', 'payments', {
        credentials: mallory,
      });
      const asAlice = await progress('group', 'payments');
      expect(names(asMallory)).not.toContain('hidden-service');
      expect(names(asAlice)).toContain('hidden-service');
      expect(asMallory.totalEntities).toBe(asAlice.totalEntities - 1);
    });

    it("rolls up a system's components and resources, and a domain's systems' ones, with their owners as teams", async () => {
      const { progress } = service();
      const system = await progress('system', 'payments-system');
      expect(names(system)).toEqual(['checkout', 'ledger', 'ledger-db']);
      expect(
        teamsOf(system)
          .map(t => t.entityRef)
          .sort(),
      ).toEqual(['group:default/payments', 'group:default/payments-core']);
      const domain = await progress('domain', 'money');
      expect(names(domain)).toEqual(['checkout', 'ledger', 'ledger-db']);
    });

    it('pages through every entity exactly once, with totals over all of them on every page', async () => {
      const { progress } = service();
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await progress('group', 'org', { limit: 2, cursor });
        expect(page.totalEntities).toBe(7);
        expect(page.summary.entities).toBe(7);
        expect(page.entities.length).toBeLessThanOrEqual(2);
        // The teams come once, on the first page.
        expect(page.teams?.length).toBe(cursor ? undefined : 6);
        seen.push(...page.entities.map(e => e.entityRef));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(7);
      expect(seen).toHaveLength(7);
    });

    it("serves a read's later pages from its first page's computation, and a new read afresh", async () => {
      const { progress, openItemOf } = service();
      const first = await progress('group', 'payments-core', { limit: 1 });
      const open = await openItemOf(first.entities[0].entityRef);
      await store.applyChange({
        entityRef: first.entities[0].entityRef,
        itemId: open,
        status: 'done',
        actor: 'user:default/alice',
      });
      const second = await progress('group', 'payments-core', {
        limit: 1,
        cursor: first.nextCursor,
      });
      // The same totals as the page it follows, not a mix of two states.
      expect(second.summary).toEqual(first.summary);
      expect(second.entities[0].entityRef).not.toBe(
        first.entities[0].entityRef,
      );
      const again = await progress('group', 'payments-core', { limit: 1 });
      expect(again.summary.done).toBe(first.summary.done + 1);
    });

    it('continues after the cursor from a fresh computation when the first page was made elsewhere', async () => {
      const one = service();
      const first = await one.progress('group', 'org', { limit: 3 });
      // Another backend instance, or the same one a while later.
      const other = service();
      const seen = first.entities.map(e => e.entityRef);
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await other.progress('group', 'org', { limit: 3, cursor });
        seen.push(...page.entities.map(e => e.entityRef));
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    });

    it("does not lend one caller's snapshot to another", async () => {
      const { progress } = service();
      const asAlice = await progress('group', 'payments', { limit: 1 });
      const asMallory = await progress('group', 'payments', {
        limit: 10,
        cursor: asAlice.nextCursor,
        credentials: mallory,
      });
      expect(asMallory.totalEntities).toBe(asAlice.totalEntities - 1);
      expect(asMallory.entities.map(e => e.name)).not.toContain(
        'hidden-service',
      );
    });

    it('rejects a cursor it did not make, and a group that is not there', async () => {
      const { progress } = service();
      await expect(
        progress('group', 'org', { cursor: 'not-a-cursor' }),
      ).rejects.toThrow(InputError);
      await expect(progress('group', 'nobody')).rejects.toThrow(NotFoundError);
      // A user is not a group.
      await expect(progress('group', 'alice')).rejects.toThrow(NotFoundError);
    });

    it('counts stored checklist states in the scores', async () => {
      const { progress, openItemOf } = service();
      const before = await progress('group', 'payments-core');
      const ledger = before.entities.find(e => e.name === 'ledger')!;
      const open = await openItemOf(ledger.entityRef);
      await store.applyChange({
        entityRef: ledger.entityRef,
        itemId: open,
        status: 'done',
        actor: 'user:default/alice',
      });
      const after = await progress('group', 'payments-core');
      const ledgerAfter = after.entities.find(e => e.name === 'ledger')!;
      expect(ledgerAfter.done).toBe(ledger.done + 1);
      // The page rows carry no item ids: their size is the roll-up's cost.
      expect(ledgerAfter).not.toHaveProperty('openItems');
      expect(ledgerAfter.score.completion).toBeGreaterThan(
        ledger.score.completion,
      );
      expect(after.summary.done).toBe(before.summary.done + 1);
    });

    it('scores every entity exactly as its own guidance does', async () => {
      const { progress, guidanceAlone } = service();
      const response = await progress('group', 'org');
      for (const scored of response.entities) {
        const alone = await guidanceAlone(scored.entityRef);
        expect({ ref: scored.entityRef, score: scored.score }).toEqual({
          ref: scored.entityRef,
          score: alone.score,
        });
        expect(scored.done).toBe(alone.progress.done);
      }
    });

    it('reads a 50-component team in a handful of catalog calls', async () => {
      const team = withRelations([
        group('big-team'),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: 'big-system', namespace: 'default' },
          spec: { owner: 'big-team' },
        },
        ...Array.from({ length: 50 }, (_, i) => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: `db-${i}`, namespace: 'default' },
          spec: { type: 'database', owner: 'big-team' },
        })),
        ...Array.from({ length: 50 }, (_, i) =>
          component(`service-${i}`, 'big-team', {
            system: 'big-system',
            dependsOn: [`resource:db-${i}`],
          }),
        ),
      ]);
      const { progress, calls } = service(team);
      const response = await progress('group', 'big-team');
      expect(response.totalEntities).toBe(101);
      // The group, the owned entities, the system's components, the
      // neighbours: not one call per entity.
      expect(calls.length).toBeLessThanOrEqual(6);
    });
  },
);
