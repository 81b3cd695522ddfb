import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { caseStudiesPlugin } from './plugin';

jest.setTimeout(60_000);

const OWNER = 'user:default/alice';
const STRANGER = 'user:default/mallory';

const paymentsMonolith: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-monolith',
    namespace: 'default',
    tags: ['ruby', 'rails'],
    annotations: {
      'case-studies/domain': 'payments',
      'case-studies/consistency': 'strong',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments-team',
    dependsOn: ['resource:default/payments-db'],
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/payments-team' },
    { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
  ],
};

const paymentsDb: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'payments-db', namespace: 'default', tags: ['postgres'] },
  spec: { type: 'database', owner: 'group:default/payments-team' },
};

const paymentsTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: 'user:default/alice' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
  ],
};

const base = '/api/case-studies/entities/component/default/payments-monolith';
const asOwner = () => mockCredentials.user.header(OWNER);
const asStranger = () => mockCredentials.user.header(STRANGER);

const databases = TestDatabases.create();

async function startBackend(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      caseStudiesPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: [paymentsMonolith, paymentsDb, paymentsTeam],
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      // Stands in for the demo policy: only alice owns the payments monolith.
      mockServices.permissions.mock({
        authorize: async (requests, options) =>
          requests.map(() => ({
            result:
              (options.credentials.principal as { userEntityRef?: string })
                .userEntityRef === OWNER
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      }).factory,
    ],
  });
  return server;
}

describe.each(databases.eachSupportedId())(
  'case-studies router on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startBackend>>;

    beforeEach(async () => {
      server = await startBackend(databaseId);
    });

    describe('GET guidance', () => {
      it('profiles the entity from the catalog and ranks Stripe among the first companies', async () => {
        const response = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asStranger());

        expect(response.status).toBe(200);
        const profileDatabases = response.body.profile.attributes.databases;
        expect(profileDatabases).toEqual([
          expect.objectContaining({
            value: 'postgres',
            source: expect.objectContaining({
              detail: expect.stringContaining('resource:default/payments-db'),
            }),
          }),
        ]);
        const topThree = response.body.companies
          .slice(0, 3)
          .map((c: { id: string }) => c.id);
        expect(topThree).toContain('stripe');
        expect(response.body.progress).toMatchObject({
          done: expect.any(Number),
          applicable: expect.any(Number),
        });
        expect(response.body.progress.applicable).toBeGreaterThan(0);
      });

      it('answers 404 for an entity that is not in the catalog', async () => {
        const response = await request(server)
          .get('/api/case-studies/entities/component/default/nope/guidance')
          .set('Authorization', asOwner());
        expect(response.status).toBe(404);
        expect(response.body.error.name).toBe('NotFoundError');
      });

      it('answers 401 without credentials', async () => {
        const response = await request(server).get(`${base}/guidance`);
        expect(response.status).toBe(401);
      });

      it('gzips for clients that accept it and sends plain JSON to those that do not', async () => {
        const gzipped = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asOwner())
          .set('Accept-Encoding', 'gzip');
        const plain = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asOwner())
          .set('Accept-Encoding', 'identity');

        expect(gzipped.headers['content-encoding']).toBe('gzip');
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers['content-type']).toMatch(/^application\/json/);
        expect(Number(gzipped.headers['content-length'])).toBeLessThan(
          Number(plain.headers['content-length']) / 3,
        );
        // Same document either way.
        expect(gzipped.body).toEqual(plain.body);
        expect(plain.body.entityRef).toBe(
          'component:default/payments-monolith',
        );
      });

      it('answers 304 to a client that holds the current version, and a new version after a change', async () => {
        const first = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asOwner());
        const etag = first.headers.etag;
        expect(etag).toMatch(/^".+"$/);

        const revalidated = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asOwner())
          .set('If-None-Match', etag);
        expect(revalidated.status).toBe(304);
        expect(revalidated.text).toBe('');

        await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .send({ status: 'in-progress', version: 0 })
          .expect(200);
        const afterChange = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asOwner())
          .set('If-None-Match', etag);
        expect(afterChange.status).toBe(200);
        expect(afterChange.headers.etag).not.toBe(etag);
        const item = afterChange.body.checklist.find(
          (i: { id: string }) => i.id === 'continuous-integration',
        );
        expect(item.state.status).toBe('in-progress');
      });
    });

    describe('GET knowledge', () => {
      it('serves the knowledge base with a version the client can revalidate', async () => {
        const response = await request(server)
          .get('/api/case-studies/knowledge')
          .set('Authorization', asStranger());
        expect(response.status).toBe(200);
        expect(
          response.body.companies.map((c: { id: string }) => c.id),
        ).toEqual(expect.arrayContaining(['stripe', 'netflix', 'discord']));
        const again = await request(server)
          .get('/api/case-studies/knowledge')
          .set('Authorization', asStranger())
          .set('If-None-Match', response.headers.etag);
        expect(again.status).toBe(304);
        const unauthenticated = await request(server).get(
          '/api/case-studies/knowledge',
        );
        expect(unauthenticated.status).toBe(401);
      });
    });

    describe('PUT checklist item', () => {
      it('records who changed what, and the guidance shows it', async () => {
        const put = await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .send({
            status: 'done',
            note: 'Every PR runs the suite',
            evidenceUrl: 'https://ci.example.com/payments',
            version: 0,
          });
        expect(put.status).toBe(200);
        expect(put.body).toMatchObject({
          status: 'done',
          version: 1,
          updatedBy: OWNER,
        });

        const guidance = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asOwner());
        const item = guidance.body.checklist.find(
          (i: { id: string }) => i.id === 'continuous-integration',
        );
        expect(item.state).toMatchObject({
          status: 'done',
          note: 'Every PR runs the suite',
          updatedBy: OWNER,
        });
      });

      it('treats the entity ref case-insensitively: one row per entity', async () => {
        await request(server)
          .put(
            '/api/case-studies/entities/Component/DEFAULT/payments-monolith/checklist/continuous-integration',
          )
          .set('Authorization', asOwner())
          .send({ status: 'in-progress', version: 0 })
          .expect(200);
        const stale = await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .send({ status: 'done', version: 0 });
        expect(stale.status).toBe(409);
      });

      it('forbids a non-owner and writes nothing', async () => {
        const response = await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asStranger())
          .send({ status: 'done' });
        expect(response.status).toBe(403);
        expect(response.body.error.name).toBe('NotAllowedError');

        const history = await request(server)
          .get(`${base}/checklist/history`)
          .set('Authorization', asOwner());
        expect(history.body.items).toEqual([]);
      });

      it('answers a stale version with 409 and the current state', async () => {
        await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .send({ status: 'in-progress', version: 0 })
          .expect(200);

        const stale = await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .send({ status: 'done', version: 0 });
        expect(stale.status).toBe(409);
        expect(stale.body.error).toEqual({
          name: 'ConflictError',
          message: `Checklist item continuous-integration was changed by ${OWNER} (now version 1); you sent version 0`,
        });
        expect(stale.body.request).toEqual({
          method: 'PUT',
          url: `${base}/checklist/continuous-integration`,
        });
        expect(stale.body.response).toEqual({ statusCode: 409 });
        expect(stale.body.current).toMatchObject({
          status: 'in-progress',
          version: 1,
          updatedBy: OWNER,
        });
      });

      it('stores an exemption with its last day and shows it on the entity', async () => {
        const response = await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .send({
            status: 'not-applicable',
            note: 'Until the new pipeline',
            until: '2099-01-31',
          });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ until: '2099-01-31' });
        const guidance = await request(server)
          .get(`${base}/guidance`)
          .set('Authorization', asOwner());
        const item = guidance.body.checklist.find(
          (i: { id: string }) => i.id === 'continuous-integration',
        );
        expect(item.state).toMatchObject({
          status: 'not-applicable',
          until: '2099-01-31',
        });
      });

      it('is idempotent: the same update twice is one change', async () => {
        const update = { status: 'done', version: 0 };
        for (let i = 0; i < 2; i++) {
          await request(server)
            .put(`${base}/checklist/continuous-integration`)
            .set('Authorization', asOwner())
            .send(update)
            .expect(200);
        }
        const history = await request(server)
          .get(`${base}/checklist/history`)
          .set('Authorization', asOwner());
        expect(history.body.items).toHaveLength(1);
      });

      it.each([
        [{ status: 'finished' }, 'body.status'],
        [{ status: 'not-applicable' }, 'body.note'],
        [{ status: 'done', note: 'x'.repeat(2001) }, 'body.note'],
        [
          { status: 'done', evidenceUrl: 'ftp://files.example.com/report' },
          'body.evidenceUrl',
        ],
        [{ status: 'done', version: -1 }, 'body.version'],
        [{ status: 'done', owner: 'me' }, 'body'],
        [
          { status: 'done', until: '2099-01-01' },
          'body.until: only an exemption (status not-applicable) can expire',
        ],
        [
          { status: 'not-applicable', note: 'later', until: '2020-01-01' },
          'body.until: must be today or later',
        ],
        [
          { status: 'not-applicable', note: 'later', until: '2099-02-30' },
          'body.until: must be a date that exists',
        ],
      ])('rejects %j with a 400 naming %s', async (body, field) => {
        const response = await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .send(body);
        expect(response.status).toBe(400);
        expect(response.body.error.name).toBe('InputError');
        expect(response.body.error.message).toContain(field);
      });

      it('rejects a body that is not JSON with a 400', async () => {
        const response = await request(server)
          .put(`${base}/checklist/continuous-integration`)
          .set('Authorization', asOwner())
          .set('Content-Type', 'application/json')
          .send('{"status": ');
        expect(response.status).toBe(400);
      });

      it('answers 404 for an unknown checklist item', async () => {
        const response = await request(server)
          .put(`${base}/checklist/no-such-item`)
          .set('Authorization', asOwner())
          .send({ status: 'done' });
        expect(response.status).toBe(404);
        expect(response.body.error.message).toContain('no-such-item');
      });

      it('answers 404 for an item that does not apply to this entity', async () => {
        // CRDTs apply to real-time collaboration, not to a payments monolith.
        const response = await request(server)
          .put(`${base}/checklist/crdt-for-realtime-collaboration`)
          .set('Authorization', asOwner())
          .send({ status: 'done' });
        expect(response.status).toBe(404);
        expect(response.body.error.message).toContain('does not apply');
      });
    });

    describe('GET checklist history', () => {
      it('lists accepted changes newest first, in pages', async () => {
        for (const [version, status] of ['in-progress', 'done'].entries()) {
          await request(server)
            .put(`${base}/checklist/continuous-integration`)
            .set('Authorization', asOwner())
            .send({ status, version })
            .expect(200);
        }
        const first = await request(server)
          .get(`${base}/checklist/history?limit=1`)
          .set('Authorization', asStranger());
        expect(first.status).toBe(200);
        expect(
          first.body.items.map((e: { status: string }) => e.status),
        ).toEqual(['done']);
        const second = await request(server)
          .get(
            `${base}/checklist/history?limit=1&cursor=${first.body.nextCursor}`,
          )
          .set('Authorization', asStranger());
        expect(second.body.items[0]).toMatchObject({
          status: 'in-progress',
          changedBy: OWNER,
        });
        expect(second.body.nextCursor).toBeUndefined();
      });

      it('rejects a bad limit with a 400 naming it', async () => {
        const response = await request(server)
          .get(`${base}/checklist/history?limit=5000`)
          .set('Authorization', asOwner());
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain('query.limit');
      });
    });

    describe('POST match', () => {
      it('gives guidance for an entity that is not in the catalog', async () => {
        const response = await request(server)
          .post('/api/case-studies/match')
          .set('Authorization', asStranger())
          .send({
            entity: {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'chat-gateway',
                tags: ['elixir', 'websocket'],
                annotations: {
                  'case-studies/database': 'scylladb',
                  'case-studies/domain': 'messaging',
                },
              },
              spec: { type: 'service', owner: 'team-chat' },
            },
          });
        expect(response.status).toBe(200);
        const topThree = response.body.companies
          .slice(0, 3)
          .map((c: { id: string }) => c.id);
        expect(topThree).toContain('discord');
        expect(
          response.body.checklist.every(
            (i: { state: { version: number } }) => i.state.version === 0,
          ),
        ).toBe(true);
      });

      it.each([
        [{}, 'body.entity'],
        [
          { entity: { kind: 'Component', metadata: { name: 'x' } } },
          'body.entity.apiVersion',
        ],
        [{ entity: 'component:default/x' }, 'body.entity'],
      ])('rejects %j with a 400 naming %s', async (body, field) => {
        const response = await request(server)
          .post('/api/case-studies/match')
          .set('Authorization', asStranger())
          .send(body);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(field);
      });
    });
  },
);
