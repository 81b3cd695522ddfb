import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  caseStudiesRolloutManagePermission,
  Rollout,
  RolloutProgressResponse,
} from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import request from 'supertest';
import { rollupCatalog } from '../testing/rollupCatalog';
import { startPluginBackend } from '../__testUtils__/startPluginBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const api = '/api/case-studies';
/** A platform-group member: may manage rollouts, and (here) change any checklist. */
const PLATFORM = 'user:default/bob';
const asPlatform = () => mockCredentials.user.header(PLATFORM);
const asAlice = () => mockCredentials.user.header('user:default/alice');

const paymentsHardening = {
  title: 'Payments hardening',
  description: 'Every payments service adopts idempotency keys.',
  itemIds: ['idempotency-keys-on-post', 'timeouts-on-remote-calls'],
  target: { kinds: ['component'], owners: ['payments', 'payments-core'] },
  startDate: '2026-11-01',
  dueDate: '2027-03-01',
  state: 'active',
};

async function startBackend(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const server = await startPluginBackend({
    knex,
    entities: rollupCatalog,
    features: [
      // Stands in for the demo policy: bob is in the platform group;
      // checklist changes are allowed to everyone here.
      mockServices.permissions.mock({
        authorize: async (requests, options) =>
          requests.map(r => ({
            result:
              r.permission.name !== caseStudiesRolloutManagePermission.name ||
              (options.credentials.principal as { userEntityRef?: string })
                .userEntityRef === PLATFORM
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      }).factory,
    ],
  });
  return { server, knex };
}

describe.each(databases.eachSupportedId())(
  'rollout routes on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startBackend>>['server'];
    let knex: Knex;
    beforeEach(async () => {
      ({ server, knex } = await startBackend(databaseId));
    });

    const create = (body: object, as = asPlatform()) =>
      request(server)
        .post(`${api}/rollouts`)
        .set('Authorization', as)
        .send(body);
    const get = (path: string) =>
      request(server).get(`${api}${path}`).set('Authorization', asAlice());
    const patch = (id: string, body: object, as = asPlatform()) =>
      request(server)
        .patch(`${api}/rollouts/${id}`)
        .set('Authorization', as)
        .send(body);
    const rolloutRows = async () =>
      Number((await knex('rollout').count({ count: '*' }))[0].count);

    it('creates a rollout for a platform-group member, with who and when, and lists it', async () => {
      const response = await create(paymentsHardening);
      expect(response.status).toBe(201);
      const rollout = response.body as Rollout;
      expect(rollout).toMatchObject({
        ...paymentsHardening,
        version: 1,
        requireExemptionApproval: false,
        createdBy: PLATFORM,
        updatedBy: PLATFORM,
      });
      expect(Date.parse(rollout.createdAt)).not.toBeNaN();

      const listed = await get('/rollouts');
      expect(listed.body.rollouts.map((r: Rollout) => r.id)).toEqual([
        rollout.id,
      ]);
      expect((await get('/rollouts?state=draft')).body.rollouts).toEqual([]);
      const read = await get(`/rollouts/${rollout.id}`);
      expect(read.body.rollout).toEqual(rollout);
      expect(read.body.history).toHaveLength(1);
      expect(read.body.history[0]).toMatchObject({
        version: 1,
        changedBy: PLATFORM,
        changes: { title: { to: 'Payments hardening' } },
      });
    });

    it('refuses anyone outside the platform groups with 403, writing nothing', async () => {
      const response = await create(paymentsHardening, asAlice());
      expect(response.status).toBe(403);
      expect(await rolloutRows()).toBe(0);

      const { body: rollout } = await create(paymentsHardening);
      const change = await patch(rollout.id, { title: 'Mine now' }, asAlice());
      expect(change.status).toBe(403);
      expect((await get(`/rollouts/${rollout.id}`)).body.rollout.title).toBe(
        'Payments hardening',
      );
    });

    it.each([
      [
        { itemIds: ['idempotency-keys-on-post', 'no-such-item'] },
        'body.itemIds.1: unknown checklist item "no-such-item"',
      ],
      [{ itemIds: [] }, 'body.itemIds: must name at least one checklist item'],
      [{ target: {} }, 'body.target: must name at least one of'],
      [{ target: { colours: ['red'] } }, 'body.target'],
      [{ dueDate: '2026-10-01' }, 'body.dueDate: must not be before startDate'],
      [
        { startDate: '2026-02-30' },
        'body.startDate: must be a date that exists',
      ],
      [
        { state: 'finished' },
        'body.state: must be one of draft, active, done, archived',
      ],
      [{ title: '  ' }, 'body.title: must not be empty'],
    ])(
      'rejects %j with a 400 naming the field, writing nothing',
      async (change, message) => {
        const response = await create({ ...paymentsHardening, ...change });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(message);
        expect(await rolloutRows()).toBe(0);
      },
    );

    it('changes a rollout with optimistic versioning, records every change, and refuses a stale version with the current rollout', async () => {
      const { body: rollout } = await create(paymentsHardening);
      const moved = await patch(rollout.id, {
        dueDate: '2027-04-01',
        version: 1,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ dueDate: '2027-04-01', version: 2 });

      const stale = await patch(rollout.id, { title: 'Late', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.name).toBe('ConflictError');
      expect(stale.body.current).toMatchObject({
        version: 2,
        title: 'Payments hardening',
      });

      const history = (await get(`/rollouts/${rollout.id}`)).body.history;
      expect(history.map((h: { version: number }) => h.version)).toEqual([
        1, 2,
      ]);
      expect(history[1].changes).toEqual({
        dueDate: { from: '2027-03-01', to: '2027-04-01' },
      });
    });

    it('allows only the state changes a rollout has: archived is final', async () => {
      const { body: rollout } = await create(paymentsHardening);
      expect((await patch(rollout.id, { state: 'archived' })).status).toBe(200);
      const back = await patch(rollout.id, { state: 'active' });
      expect(back.status).toBe(400);
      expect(back.body.error.message).toContain(
        'body.state: a archived rollout cannot become active',
      );
      expect((await get(`/rollouts/${rollout.id}`)).body.rollout.state).toBe(
        'archived',
      );
    });

    it("finds the rollouts that target an entity or a team's entities", async () => {
      const { body: payments } = await create(paymentsHardening);
      await create({
        ...paymentsHardening,
        title: 'Platform tidy-up',
        target: { owners: ['group:default/platform'] },
      });
      const forLedger = await get(
        `/rollouts?entity=${encodeURIComponent('component:default/ledger')}`,
      );
      expect(forLedger.body.rollouts.map((r: Rollout) => r.id)).toEqual([
        payments.id,
      ]);
      const forPlatform = await get(
        `/rollouts?team=${encodeURIComponent('group:default/platform')}`,
      );
      expect(forPlatform.body.rollouts.map((r: Rollout) => r.title)).toEqual([
        'Platform tidy-up',
      ]);
      expect(
        (await get('/rollouts?entity=component:default/nothing')).status,
      ).toBe(404);
    });

    it('reports progress per entity and team, and counts a ticked item', async () => {
      const { body: rollout } = await create(paymentsHardening);
      const progress = async () =>
        (await get(`/rollouts/${rollout.id}/progress`))
          .body as RolloutProgressResponse;

      const before = await progress();
      expect(before.entities.map(e => e.entityRef)).toEqual([
        'component:default/checkout',
        'component:default/hidden-service',
        'component:default/ledger',
      ]);
      expect(before.totals).toMatchObject({
        entities: 3,
        done: 0,
        todo: 6,
        overdue: 0,
      });
      expect(before.teams.map(t => [t.team, t.entities])).toEqual([
        ['group:default/payments', 2],
        ['group:default/payments-core', 1],
      ]);

      const tick = await request(server)
        .put(
          `${api}/entities/component/default/ledger/checklist/idempotency-keys-on-post`,
        )
        .set('Authorization', asAlice())
        .send({ status: 'done' });
      expect(tick.status).toBe(200);

      const after = await progress();
      expect(after.totals).toMatchObject({ done: 1, todo: 5, percent: 16 });
      const ledger = after.entities.find(
        e => e.entityRef === 'component:default/ledger',
      )!;
      expect(ledger.items).toEqual([
        { itemId: 'idempotency-keys-on-post', status: 'done', overdue: false },
        { itemId: 'timeouts-on-remote-calls', status: 'todo', overdue: false },
      ]);
      const today = after.burnUp[after.burnUp.length - 1];
      expect(today).toEqual({
        day: after.asOf.slice(0, 10),
        done: 1,
        total: 6,
      });
      expect(after.burnUp[0]).toEqual({ day: '2026-11-01', done: 0, total: 6 });
    });

    it('lets only platform-group members approve an exemption, of an item the entity has exempted', async () => {
      const { body: rollout } = await create({
        ...paymentsHardening,
        requireExemptionApproval: true,
      });
      const approve = (body: object, as = asPlatform()) =>
        request(server)
          .post(`${api}/rollouts/${rollout.id}/approvals`)
          .set('Authorization', as)
          .send(body);
      const ledgerItem = {
        entityRef: 'component:default/ledger',
        itemId: 'idempotency-keys-on-post',
      };
      const none = await approve(ledgerItem);
      expect(none.status).toBe(400);
      expect(none.body.error.message).toContain(
        'body.entityRef: component:default/ledger has no exemption of idempotency-keys-on-post to approve',
      );
      await request(server)
        .put(
          `${api}/entities/component/default/ledger/checklist/idempotency-keys-on-post`,
        )
        .set('Authorization', asAlice())
        .send({ status: 'not-applicable', note: 'read-only service' })
        .expect(200);
      expect((await approve(ledgerItem, asAlice())).status).toBe(403);
      const approved = await approve(ledgerItem);
      expect(approved.status).toBe(201);
      expect(approved.body).toMatchObject({
        approvedBy: PLATFORM,
        exemptionVersion: 1,
      });
      expect((await approve({ entityRef: 'x' })).status).toBe(400);
      // a ref the catalog cannot look up is the client's mistake, not a 500
      for (const entityRef of ['ledger', 'component:', ':::', '/']) {
        const bad = await approve({ entityRef, itemId: ledgerItem.itemId });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain('body.entityRef');
      }
    });

    it('lets owners record an item an active rollout asks for, even where the knowledge says it does not apply', async () => {
      const guidance = await get('/entities/component/default/ledger/guidance');
      const notApplying = guidance.body.checklist.find(
        (item: { applies: boolean }) => !item.applies,
      ).id;
      const tick = () =>
        request(server)
          .put(
            `${api}/entities/component/default/ledger/checklist/${notApplying}`,
          )
          .set('Authorization', asAlice())
          .send({ status: 'done' });
      expect((await tick()).status).toBe(404);
      await create({ ...paymentsHardening, itemIds: [notApplying] });
      expect((await tick()).status).toBe(200);
    });

    it('answers 404 for an unknown rollout and 400 for an id that is not one', async () => {
      expect(
        (await get('/rollouts/00000000-0000-4000-8000-000000000000')).status,
      ).toBe(404);
      const bad = await get('/rollouts/not-an-id/progress');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('path.id: must be a rollout id');
    });
  },
);
