import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { DatabaseChecklistStore } from '../database/DatabaseChecklistStore';
import { ChecklistService } from './ChecklistService';
import { GuidanceCache } from './GuidanceCache';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const entityRef = 'component:default/ledger';

describe.each(databases.eachSupportedId())(
  'ChecklistService history on %s',
  (databaseId: TestDatabaseId) => {
    let store: DatabaseChecklistStore;
    let service: ChecklistService;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      store = await DatabaseChecklistStore.create({
        database: { getClient: async () => knex, migrations: { skip: false } },
      });
      // Only the entity's ref is read from the cache for the history.
      const guidanceCache = {
        read: async () => ({ context: { entityRef } }),
      } as unknown as GuidanceCache;
      service = new ChecklistService({
        checklistStore: store,
        guidanceCache,
        permissions: mockServices.permissions(),
      });
    });

    const history = (query: { itemId?: string; cursor?: string } = {}) =>
      service.getHistory({
        ref: { kind: 'component', namespace: 'default', name: 'ledger' },
        query: { limit: 10, ...query },
        credentials: mockCredentials.user(),
      });

    it('says when an exemption expired, newest first, and only on the first page', async () => {
      await store.applyChange({
        entityRef,
        itemId: 'timeouts',
        status: 'not-applicable',
        note: 'until the rewrite',
        until: '2020-01-31',
        actor: 'user:default/alice',
      });
      await store.applyChange({
        entityRef,
        itemId: 'breakers',
        status: 'not-applicable',
        note: 'holds for a while',
        until: '2999-01-31',
        actor: 'user:default/alice',
      });

      const page = await history();
      expect(page.items.map(e => [e.itemId, e.event, e.status])).toEqual([
        ['timeouts', 'exemption-expired', 'todo'],
        ['breakers', undefined, 'not-applicable'],
        ['timeouts', undefined, 'not-applicable'],
      ]);
      expect(page.items[0]).toMatchObject({
        previousStatus: 'not-applicable',
        changedAt: '2020-02-01T00:00:00.000Z',
        until: '2020-01-31',
      });
      expect((await history({ itemId: 'breakers' })).items).toHaveLength(1);
      expect(
        (await history({ cursor: '999999' })).items.some(e => e.event),
      ).toBe(false);
    });
  },
);
