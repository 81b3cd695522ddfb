import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KnowledgeBase } from '@case-studies/plugin-case-studies-common';
import { DatabaseChecklistStore } from '../database/DatabaseChecklistStore';
import { countingCatalog } from '../testing/countingCatalog';
import { component, rollupCatalog } from '../testing/rollupCatalog';
import { loadBuiltInKnowledge } from '../__testUtils__/scoringServices';
import {
  paymentsHardening,
  rolloutServices,
} from '../__testUtils__/rolloutServices';
import { withRelations } from '../testing/withRelations';
import { RolloutService } from './RolloutService';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const bob = mockCredentials.user('user:default/bob');
const mallory = mockCredentials.user('user:default/mallory');

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await loadBuiltInKnowledge();
});

describe.each(databases.eachSupportedId())(
  'RolloutService on %s',
  (databaseId: TestDatabaseId) => {
    let service: RolloutService;
    let checklistStore: DatabaseChecklistStore;
    let now: Date;
    /** The catalog as it is now: tests change it between reads. */
    let entities: Entity[];

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      entities = rollupCatalog;
      const current = (): CatalogService => countingCatalog(entities).catalog;
      const catalog: CatalogService = {
        getEntityByRef: (...args) => current().getEntityByRef(...args),
        getEntitiesByRefs: (...args) => current().getEntitiesByRefs(...args),
        queryEntities: (...args) => current().queryEntities(...args),
        getEntities: (...args) => current().getEntities(...args),
      } as CatalogService;
      now = new Date('2026-12-01T12:00:00Z');
      ({ service, checklistStore } = await rolloutServices({
        knex,
        catalog,
        knowledge,
        clock: () => now,
      }));
    });

    const create = () => service.create(paymentsHardening, bob);

    const tagged = (name: string, tags: string[]) =>
      withRelations([component(name, 'payments', { tags })])[0];

    it('includes entities that join the target from then on, and lists those that left', async () => {
      entities = [...rollupCatalog, tagged('api-a', ['payments'])];
      const rollout = await create();
      const first = await service.progress(rollout.id, bob);
      expect(first.entities.map(e => [e.entityRef, e.leftAt])).toEqual([
        ['component:default/api-a', undefined],
      ]);
      const joinedA = first.entities[0].joinedAt;

      now = new Date('2026-12-05T12:00:00Z');
      // api-a loses its tag; api-b gains one.
      entities = [
        ...rollupCatalog,
        tagged('api-a', []),
        tagged('api-b', ['payments']),
      ];
      const second = await service.progress(rollout.id, bob);
      expect(
        second.entities.map(e => [e.entityRef, e.joinedAt, e.leftAt]),
      ).toEqual([
        ['component:default/api-b', '2026-12-05T12:00:00.000Z', undefined],
        ['component:default/api-a', joinedA, '2026-12-05T12:00:00.000Z'],
      ]);
      // Counted: only who is in the target now.
      expect(second.totals.entities).toBe(1);
    });

    it('flags open items overdue once the due day is over, and never done or exempted ones', async () => {
      entities = [
        ...rollupCatalog,
        tagged('api-a', ['payments']),
        tagged('api-b', ['payments']),
        tagged('api-c', ['payments']),
      ];
      const rollout = await create();
      await checklistStore.applyChange({
        entityRef: 'component:default/api-b',
        itemId: 'idempotency-keys-on-post',
        status: 'done',
        actor: 'user:default/alice',
      });
      await checklistStore.applyChange({
        entityRef: 'component:default/api-c',
        itemId: 'idempotency-keys-on-post',
        status: 'not-applicable',
        note: 'no POST endpoints',
        actor: 'user:default/alice',
      });
      now = new Date('2026-12-31T23:59:00Z');
      expect((await service.progress(rollout.id, bob)).totals.overdue).toBe(0);

      now = new Date('2027-01-01T00:01:00Z');
      const late = await service.progress(rollout.id, bob);
      expect(
        late.entities.map(e => [
          e.entityRef,
          e.items[0].status,
          e.items[0].overdue,
        ]),
      ).toEqual([
        ['component:default/api-a', 'todo', true],
        ['component:default/api-b', 'done', false],
        ['component:default/api-c', 'exempted', false],
      ]);
      expect(late.totals).toMatchObject({
        overdue: 1,
        done: 1,
        exempted: 1,
        percent: 50,
      });
      // The burn-up stops at the due date.
      expect(late.burnUp[late.burnUp.length - 1].day).toBe('2026-12-31');
    });

    it('counts an exemption as open while the rollout requires approval', async () => {
      entities = [...rollupCatalog, tagged('api-a', ['payments'])];
      const rollout = await create();
      const strict = await service.update(
        rollout.id,
        { requireExemptionApproval: true },
        bob,
      );
      expect(strict).toMatchObject({
        requireExemptionApproval: true,
        version: 2,
      });
      await checklistStore.applyChange({
        entityRef: 'component:default/api-a',
        itemId: 'idempotency-keys-on-post',
        status: 'not-applicable',
        note: 'no POST endpoints',
        actor: 'user:default/alice',
      });
      const itemOf = async () =>
        (await service.progress(rollout.id, bob)).entities[0].items[0];
      expect(await itemOf()).toMatchObject({
        status: 'todo',
        exemptionProblem: 'awaiting-approval',
      });

      await service.approveExemption(
        rollout.id,
        {
          entityRef: 'component:default/api-a',
          itemId: 'idempotency-keys-on-post',
        },
        bob,
      );
      expect(await itemOf()).toEqual({
        itemId: 'idempotency-keys-on-post',
        status: 'exempted',
        overdue: false,
        approvedBy: 'user:default/bob',
      });

      // A changed exemption is a new one: it needs approving again.
      await checklistStore.applyChange({
        entityRef: 'component:default/api-a',
        itemId: 'idempotency-keys-on-post',
        status: 'not-applicable',
        note: 'no POST endpoints at all, ever',
        actor: 'user:default/alice',
      });
      expect(await itemOf()).toMatchObject({
        status: 'todo',
        exemptionProblem: 'awaiting-approval',
      });
      await expect(
        service.approveExemption(
          rollout.id,
          { entityRef: 'component:default/api-a', itemId: 'feature-flags' },
          bob,
        ),
      ).rejects.toThrow(
        'body.itemId: "feature-flags" is not an item of this rollout',
      );
    });

    it('counts an exemption as todo after its last day, flagged expired', async () => {
      entities = [...rollupCatalog, tagged('api-a', ['payments'])];
      const rollout = await create();
      await checklistStore.applyChange({
        entityRef: 'component:default/api-a',
        itemId: 'idempotency-keys-on-post',
        status: 'not-applicable',
        note: 'until the gateway does it',
        until: '2026-12-10',
        actor: 'user:default/alice',
      });
      now = new Date('2026-12-10T23:00:00Z');
      expect(
        (await service.progress(rollout.id, bob)).entities[0].items[0],
      ).toMatchObject({ status: 'exempted' });
      now = new Date('2026-12-11T00:30:00Z');
      const item = (await service.progress(rollout.id, bob)).entities[0]
        .items[0];
      expect(item).toEqual({
        itemId: 'idempotency-keys-on-post',
        status: 'todo',
        overdue: false,
        exemptionProblem: 'expired',
      });
    });

    it('shows each caller only the targeted entities they may see', async () => {
      const rollout = await service.create(
        {
          title: 'Everything payments',
          description: '',
          itemIds: ['idempotency-keys-on-post'],
          target: { owners: ['payments'] },
          startDate: '2026-11-01',
          dueDate: '2026-12-31',
          state: 'active',
          requireExemptionApproval: false,
        },
        bob,
      );
      const forBob = await service.progress(rollout.id, bob);
      const forMallory = await service.progress(rollout.id, mallory);
      expect(forBob.entities.map(e => e.entityRef)).toContain(
        'component:default/hidden-service',
      );
      expect(forMallory.entities.map(e => e.entityRef)).not.toContain(
        'component:default/hidden-service',
      );
      expect(forMallory.totals.entities).toBe(forBob.totals.entities - 1);
    });
  },
);
