import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CHECKLIST_NOTE_MAX_LENGTH } from '@case-studies/plugin-case-studies-common';
import { Knex } from 'knex';
import request from 'supertest';
import { rollupCatalog } from '../testing/rollupCatalog';
import { startPluginBackend } from '../__testUtils__/startPluginBackend';

jest.setTimeout(60_000);

/*
 * Input that one database stores and the other refuses (or stores as
 * something else) must be refused before it reaches either: the same 400,
 * naming the field, on SQLite and PostgreSQL.
 */

const databases = TestDatabases.create();
const api = '/api/case-studies';
const checkout = `${api}/entities/component/default/checkout`;
const item = `${checkout}/checklist/continuous-integration`;
const asAlice = () => mockCredentials.user.header('user:default/alice');

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

async function startBackend(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const server = await startPluginBackend({
    knex,
    entities: rollupCatalog,
    features: [
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }).factory,
    ],
  });
  return { server, knex };
}

describe.each(databases.eachSupportedId())(
  'request validation on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startBackend>>['server'];
    let knex: Knex;
    beforeEach(async () => {
      ({ server, knex } = await startBackend(databaseId));
    });

    const put = (body: object, url = item) =>
      request(server).put(url).set('Authorization', asAlice()).send(body);
    const get = (url: string) =>
      request(server).get(url).set('Authorization', asAlice());
    const historyRows = async () =>
      Number((await knex('checklist_history').count({ count: '*' }))[0].count);

    function expectBadField(response: request.Response, field: string) {
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toContain(`${field}:`);
    }

    describe('history cursor', () => {
      it.each(['99999999999999999999', '9223372036854775807', '0', '-1'])(
        'rejects cursor %s with a 400 naming it',
        async cursor => {
          const response = await get(
            `${checkout}/checklist/history?cursor=${cursor}`,
          );
          expect(response.status).toBe(400);
          expect(response.body.error.message).toContain(
            'query.cursor: must be a cursor returned by a previous page',
          );
        },
      );

      it('reads from the largest cursor it accepts, past every stored change', async () => {
        await put({ status: 'done' }).expect(200);
        const page = await get(
          `${checkout}/checklist/history?cursor=${Number.MAX_SAFE_INTEGER}`,
        );
        expect(page.status).toBe(200);
        expect(
          page.body.items.map((e: { status: string }) => e.status),
        ).toEqual(['done']);
      });
    });

    describe('text no database stores as given', () => {
      it.each([
        ['a NUL character', NUL],
        ['an unpaired surrogate', LONE_SURROGATE],
      ])(
        'rejects %s in a note or an evidence link, writing nothing',
        async (_, bad) => {
          expectBadField(
            await put({ status: 'done', note: `before${bad}after` }),
            'body.note',
          );
          expectBadField(
            await put({
              status: 'done',
              evidenceUrl: `https://ci.example.com/${bad}`,
            }),
            'body.evidenceUrl',
          );
          expectBadField(
            await put({ status: 'not-applicable', note: bad }),
            'body.note',
          );
          expect(await historyRows()).toBe(0);
        },
      );

      it('rejects a NUL character in a history filter, a path or a query', async () => {
        expectBadField(
          await get(`${checkout}/checklist/history?itemId=ci%00`),
          'query.itemId',
        );
        expectBadField(
          await put({ status: 'done' }, `${checkout}/checklist/ci%00`),
          'path.itemId',
        );
        expectBadField(
          await put(
            { status: 'done' },
            `${api}/entities/component/default/check%00out/checklist/continuous-integration`,
          ),
          'path.name',
        );
        expectBadField(
          await get(`${api}/entities/component/de%00fault/checkout/guidance`),
          'path.namespace',
        );
        expectBadField(
          await get(`${api}/rollouts?entity=component:default/checkout%00`),
          'query.entity',
        );
        expectBadField(
          await get(`${api}/scorecards?kind=comp%00onent`),
          'query.kind',
        );
        expect(await historyRows()).toBe(0);
      });

      it('rejects a NUL character or an unpaired surrogate in every text of a rollout, writing nothing', async () => {
        const rollout = {
          title: 'Payments hardening',
          description: 'Every payments service adopts idempotency keys.',
          itemIds: ['idempotency-keys-on-post'],
          target: { kinds: ['component'], owners: ['payments'] },
          startDate: '2026-11-01',
          dueDate: '2027-03-01',
        };
        const create = (body: object) =>
          request(server)
            .post(`${api}/rollouts`)
            .set('Authorization', asAlice())
            .send(body);
        for (const bad of [NUL, LONE_SURROGATE]) {
          expectBadField(
            await create({ ...rollout, title: `Payments${bad}` }),
            'body.title',
          );
          expectBadField(
            await create({ ...rollout, description: `Every${bad}` }),
            'body.description',
          );
          expectBadField(
            await create({ ...rollout, itemIds: [`ci${bad}`] }),
            'body.itemIds.0',
          );
          expectBadField(
            await create({ ...rollout, target: { owners: [`pay${bad}`] } }),
            'body.target.owners.0',
          );
        }
        expect(
          Number((await knex('rollout').count({ count: '*' }))[0].count),
        ).toBe(0);
        // The same rollout without them is fine.
        expect((await create(rollout)).status).toBe(201);
      });

      it('keeps a repeated update with characters beyond the BMP harmless', async () => {
        const update = { status: 'done', note: 'Ships 🚀 daily' };
        expect((await put(update)).body).toMatchObject({
          note: 'Ships 🚀 daily',
          version: 1,
        });
        expect((await put(update)).body).toMatchObject({ version: 1 });
        expect(await historyRows()).toBe(1);
      });
    });

    describe('note length and evidence link', () => {
      it('counts the note limit in characters (code points), not UTF-16 units', async () => {
        const longest = '🚀'.repeat(CHECKLIST_NOTE_MAX_LENGTH);
        const accepted = await put({ status: 'done', note: longest });
        expect(accepted.status).toBe(200);
        expect(accepted.body.note).toBe(longest);

        expectBadField(
          await put({ status: 'done', note: `${longest}a` }),
          'body.note',
        );
      });

      it('stores an evidence link without the spaces around it, so repeating it is harmless', async () => {
        const spaced = await put({
          status: 'done',
          evidenceUrl: '  https://ci.example.com/checkout \n',
        });
        expect(spaced.status).toBe(200);
        expect(spaced.body.evidenceUrl).toBe('https://ci.example.com/checkout');

        const repeat = await put({
          status: 'done',
          evidenceUrl: 'https://ci.example.com/checkout',
        });
        expect(repeat.body.version).toBe(1);
        const guidance = await get(`${checkout}/guidance`);
        const entry = guidance.body.checklist.find(
          (i: { id: string }) => i.id === 'continuous-integration',
        );
        expect(entry.state.evidenceUrl).toBe('https://ci.example.com/checkout');
      });
    });
  },
);
