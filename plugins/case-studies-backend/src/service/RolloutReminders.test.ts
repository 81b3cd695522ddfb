import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  KnowledgeBase,
  RolloutInput,
} from '@case-studies/plugin-case-studies-common';
import request from 'supertest';
import { DatabaseChecklistStore } from '../database/DatabaseChecklistStore';
import { DatabaseReminderStore } from '../database/DatabaseReminderStore';
import { caseStudiesPlugin } from '../plugin';
import { component, rollupCatalog } from '../testing/rollupCatalog';
import { withRelations } from '../testing/withRelations';
import { loadBuiltInKnowledge } from '../__testUtils__/scoringServices';
import {
  paymentsHardening,
  rolloutServices,
} from '../__testUtils__/rolloutServices';
import { REMINDER_TASK_ID, RolloutReminders } from './RolloutReminders';
import { RolloutService } from './RolloutService';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const bob = mockCredentials.user('user:default/bob');
const ITEM = paymentsHardening.itemIds[0];

/** Payments services (api-c done, api-d exempted) and a platform one. */
const entities = [
  ...rollupCatalog,
  ...withRelations(
    ['api-a', 'api-b', 'api-c', 'api-d'].map(name =>
      component(name, 'payments', { tags: ['payments'] }),
    ),
  ),
  ...withRelations([component('api-e', 'platform', { tags: ['payments'] })]),
];

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await loadBuiltInKnowledge();
});

describe.each(databases.eachSupportedId())(
  'RolloutReminders on %s',
  (databaseId: TestDatabaseId) => {
    let service: RolloutService;
    let reminders: RolloutReminders;
    let checklistStore: DatabaseChecklistStore;
    let now: Date;
    let sent: NotificationSendOptions[];
    let send: jest.Mock;

    beforeEach(async () => {
      now = new Date('2026-12-01T12:00:00Z');
      const clock = () => now;
      const services = await rolloutServices({
        knex: await databases.init(databaseId),
        catalog: catalogServiceMock({ entities }),
        knowledge,
        clock,
      });
      ({ service, checklistStore } = services);
      sent = [];
      send = jest.fn(async (options: NotificationSendOptions) => {
        sent.push(options);
      });
      reminders = new RolloutReminders({
        rolloutService: service,
        store: await DatabaseReminderStore.create({
          database: services.database,
        }),
        notifications: { send },
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        knowledge,
        clock,
      });
      for (const [name, status] of [
        ['api-c', 'done'],
        ['api-d', 'not-applicable'],
      ] as const) {
        await checklistStore.applyChange({
          entityRef: `component:default/${name}`,
          itemId: ITEM,
          status,
          note: status === 'done' ? undefined : 'no POST endpoints',
          actor: 'user:default/alice',
        });
      }
    });

    const create = (fields: Partial<RolloutInput> = {}) =>
      service.create({ ...paymentsHardening, ...fields }, bob);

    /** Runs the task twice: what the second run sent must be nothing. */
    const runTwice = async () => {
      sent = [];
      await reminders.runReminders();
      const first = sent;
      sent = [];
      await reminders.runReminders();
      expect(sent).toEqual([]);
      return first.map(({ recipients, payload }) => ({
        to: recipients.type === 'entity' ? recipients.entityRef : 'broadcast',
        title: payload.title,
        description: payload.description,
        severity: payload.severity,
        link: payload.link,
      }));
    };

    it('tells each owner once that a rollout started, listing its open entities only', async () => {
      const rollout = await create();
      const itemTitle = knowledge.checklist.find(i => i.id === ITEM)!.title;
      const notices = await runTwice();
      expect(notices).toEqual([
        {
          to: 'group:default/payments',
          title: `Rollout "Payments hardening" started: 2 entities to update by 2026-12-31`,
          description: `Open: ${itemTitle}. api-a, api-b.`,
          severity: 'normal',
          link: `/case-studies/rollouts/${rollout.id}`,
        },
        {
          to: 'group:default/platform',
          title: `Rollout "Payments hardening" started: 1 entity to update by 2026-12-31`,
          description: `Open: ${itemTitle}. api-e.`,
          severity: 'normal',
          link: '/catalog/default/component/api-e/case-studies',
        },
      ]);
      // Done (api-c) and exempted (api-d) entities are never mentioned.
      expect(JSON.stringify(notices)).not.toMatch(/api-c|api-d/);
    });

    it('reminds a week before the due date, and once the rollout is overdue', async () => {
      await create();
      await runTwice(); // started

      now = new Date('2026-12-23T23:59:00Z'); // 8 days before
      expect(await runTwice()).toEqual([]);

      now = new Date('2026-12-24T00:01:00Z'); // 7 days before
      const dueSoon = await runTwice();
      expect(dueSoon.map(n => [n.to, n.severity, n.title])).toEqual([
        [
          'group:default/payments',
          'high',
          'Rollout "Payments hardening" is due 2026-12-31: 2 entities still open',
        ],
        [
          'group:default/platform',
          'high',
          'Rollout "Payments hardening" is due 2026-12-31: 1 entity still open',
        ],
      ]);

      // api-e gets done in time; api-a and api-b do not.
      await checklistStore.applyChange({
        entityRef: 'component:default/api-e',
        itemId: ITEM,
        status: 'done',
        actor: 'user:default/bob',
      });
      now = new Date('2026-12-31T23:59:00Z'); // the last day
      expect(await runTwice()).toEqual([]);

      now = new Date('2027-01-01T00:01:00Z');
      const overdue = await runTwice();
      expect(overdue.map(n => [n.to, n.severity, n.title])).toEqual([
        [
          'group:default/payments',
          'critical',
          'Rollout "Payments hardening" is overdue (due 2026-12-31): 2 entities still open',
        ],
      ]);
    });

    it('sends new notices for a moved due date, once', async () => {
      const rollout = await create();
      now = new Date('2027-01-02T12:00:00Z');
      // Started and overdue at once: only the overdue notice is sent.
      expect((await runTwice()).map(n => n.severity)).toEqual([
        'critical',
        'critical',
      ]);

      await service.update(rollout.id, { dueDate: '2027-03-01' }, bob);
      const moved = await runTwice();
      expect(moved.map(n => n.title)).toEqual([
        'Rollout "Payments hardening" started: 2 entities to update by 2027-03-01',
        'Rollout "Payments hardening" started: 1 entity to update by 2027-03-01',
      ]);
    });

    it('sends nothing for draft rollouts, rollouts not started, or when every entity is done or exempted', async () => {
      await create({ state: 'draft' });
      await create({ startDate: '2026-12-02' });
      await create({ target: { tags: ['payments'], owners: ['payments'] } });
      await checklistStore.applyChange({
        entityRef: 'component:default/api-a',
        itemId: ITEM,
        status: 'done',
        actor: 'user:default/alice',
      });
      await checklistStore.applyChange({
        entityRef: 'component:default/api-b',
        itemId: ITEM,
        status: 'done',
        actor: 'user:default/alice',
      });
      expect(await runTwice()).toEqual([]);
    });

    it('does not retry a notice the notifications service refused', async () => {
      await create();
      send.mockRejectedValueOnce(new Error('notifications are down'));
      await expect(reminders.runReminders()).resolves.toEqual({
        notices: 1,
        entities: 3,
        failed: 1,
      });
      expect(await runTwice()).toEqual([]);
    });
  },
);

describe('rollout reminders in the plugin', () => {
  const start = async (features: object[] = []) => {
    const logger = mockServices.logger.mock();
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        caseStudiesPlugin,
        catalogServiceMock.factory({ entities }),
        logger.factory,
        scheduler.factory,
        ...(features as []),
      ],
    });
    const said = (text: string) =>
      logger.info.mock.calls.filter(([message]) => message.includes(text));
    const scheduled = scheduler.scheduleTask.mock.calls.map(([t]) => t.id);
    return { server, said, scheduled };
  };

  it('runs without the notifications plugin, says so once, and schedules no reminders', async () => {
    const { server, said, scheduled } = await start();
    expect(said('Rollout reminders are off')).toHaveLength(1);
    expect(scheduled).not.toContain(REMINDER_TASK_ID);
    const response = await request(server)
      .get('/api/case-studies/rollouts')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
  });

  it('schedules the reminder task when the notifications plugin is installed', async () => {
    const { said, scheduled } = await start([
      createBackendPlugin({
        pluginId: 'notifications',
        register(env) {
          env.registerInit({ deps: {}, async init() {} });
        },
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: jest.fn() }),
      }),
    ]);
    expect(said('Rollout reminders are off')).toHaveLength(0);
    expect(scheduled).toContain(REMINDER_TASK_ID);
  });
});
