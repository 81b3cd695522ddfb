import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/startPluginBackend';
import { rollupCatalog } from '../testing/rollupCatalog';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const ALICE = 'user:default/alice';
const asAlice = () => mockCredentials.user.header(ALICE);
const api = '/api/case-studies';

async function startBackend(databaseId: TestDatabaseId, config?: object) {
  const knex = await databases.init(databaseId);
  return startPluginBackend({ knex, entities: rollupCatalog, config });
}

describe.each(databases.eachSupportedId())(
  'roll-up routes on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startBackend>>;
    beforeAll(async () => {
      server = await startBackend(databaseId);
    });

    it("answers a team's progress with its sub-teams' entities, scored", async () => {
      const response = await request(server)
        .get(`${api}/groups/default/payments/progress`)
        .set('Authorization', asAlice());
      expect(response.status).toBe(200);
      expect(response.body.scope).toBe('group');
      expect(response.body.entityRef).toBe('group:default/payments');
      expect(
        response.body.entities.map((e: { name: string }) => e.name),
      ).toEqual([
        'checkout',
        'hidden-service',
        'ledger',
        'ledger-db',
        'payments-system',
      ]);
      const ledger = response.body.entities.find(
        (e: { name: string }) => e.name === 'ledger',
      );
      expect(ledger).toMatchObject({
        kind: 'Component',
        type: 'service',
        team: 'group:default/payments-core',
        score: {
          score: expect.any(Number),
          level: expect.stringMatching(/^(none|bronze|silver|gold)$/),
        },
      });
      expect(response.body.summary.entities).toBe(5);
      expect(response.body.summary.categories.length).toBeGreaterThan(0);
      expect(response.body.summary.weakestItems.length).toBeGreaterThan(0);
    });

    it('scores an entity in the roll-up as its own tab does', async () => {
      const [rollup, guidance] = await Promise.all([
        request(server)
          .get(`${api}/groups/default/payments-core/progress`)
          .set('Authorization', asAlice()),
        request(server)
          .get(`${api}/entities/component/default/ledger/guidance`)
          .set('Authorization', asAlice()),
      ]);
      const ledger = rollup.body.entities.find(
        (e: { name: string }) => e.name === 'ledger',
      );
      expect(guidance.body.score).toEqual(ledger.score);
      expect(guidance.body.scoring.levels).toEqual({
        bronze: 25,
        silver: 50,
        gold: 80,
      });
    });

    it('serves systems, domains and users', async () => {
      for (const [path, count] of [
        ['systems/default/payments-system', 3],
        ['domains/default/money', 3],
        ['users/default/bob', 2],
      ] as const) {
        const response = await request(server)
          .get(`${api}/${path}/progress`)
          .set('Authorization', asAlice());
        expect({
          path,
          status: response.status,
          count: response.body.totalEntities,
        }).toEqual({
          path,
          status: 200,
          count,
        });
      }
    });

    it('leaves sub-teams out with recursive=false', async () => {
      const response = await request(server)
        .get(`${api}/groups/default/org/progress?recursive=false`)
        .set('Authorization', asAlice());
      expect(response.body.totalEntities).toBe(1);
      expect(response.body.recursive).toBe(false);
    });

    it.each([
      ['recursive=maybe', 'query.recursive'],
      ['limit=0', 'query.limit'],
      ['limit=501', 'query.limit'],
      ['limit=ten', 'query.limit'],
      ['cursor=bogus', 'query.cursor'],
      ['colour=blue', 'colour'],
    ])('answers 400 naming the parameter for ?%s', async (query, field) => {
      const response = await request(server)
        .get(`${api}/groups/default/org/progress?${query}`)
        .set('Authorization', asAlice());
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toContain(field);
    });

    it('answers 404 for a group that is not there, and for a user asked for as a group', async () => {
      for (const path of ['groups/default/nobody', 'groups/default/alice']) {
        const response = await request(server)
          .get(`${api}/${path}/progress`)
          .set('Authorization', asAlice());
        expect({ path, status: response.status }).toEqual({
          path,
          status: 404,
        });
      }
    });

    it('answers 401 without credentials', async () => {
      const response = await request(server).get(
        `${api}/groups/default/org/progress`,
      );
      expect(response.status).toBe(401);
    });
  },
);

describe('scoring configuration', () => {
  it('changes levels and penalties from caseStudies.scorecards', async () => {
    const server = await startBackend('SQLITE_3', {
      caseStudies: {
        scorecards: { levels: { bronze: 1, silver: 2, gold: 3 } },
      },
    });
    const response = await request(server)
      .get(`${api}/entities/component/default/ledger/guidance`)
      .set('Authorization', asAlice());
    expect(response.body.scoring.levels).toEqual({
      bronze: 1,
      silver: 2,
      gold: 3,
    });
  });

  it('stops the backend at start-up with the wrong field named', async () => {
    await expect(
      startBackend('SQLITE_3', {
        caseStudies: { scorecards: { penalties: { critical: 'lots' } } },
      }),
    ).rejects.toThrow(/caseStudies\.scorecards\.penalties\.critical/);
  });
});
