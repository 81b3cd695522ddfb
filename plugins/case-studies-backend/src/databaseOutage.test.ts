import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { startPluginBackend } from './__testUtils__/startPluginBackend';
import { TcpProxy } from './__testUtils__/tcpProxy';

jest.setTimeout(60_000);

/*
 * The plugin on PostgreSQL through a TCP proxy the test controls, so the
 * database can be stopped and frozen under it without touching the server
 * other tests share. Runs where a PostgreSQL test server is configured
 * (`source scripts/lib.sh && use_local_postgres`, as in .ci/run).
 */
const connectionString = Object.entries(process.env).find(([name]) =>
  /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(name),
)?.[1];

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
};
const history =
  '/api/case-studies/entities/component/default/ledger/checklist/history';
const item =
  '/api/case-studies/entities/component/default/ledger/checklist/continuous-integration';
const asOwner = () => mockCredentials.user.header('user:default/alice');
/** The bound under test: 300 ms before the probe, 300 ms for it. */
const TIMEOUT_MS = 300;

(connectionString ? describe : describe.skip)(
  'when the PostgreSQL database goes away',
  () => {
    const databaseName = `case_studies_outage_${process.pid}_${Date.now()}`;
    let admin: Knex;
    let pluginKnex: Knex;
    let proxy: TcpProxy;
    let server: Awaited<ReturnType<typeof startPluginBackend>>;

    beforeAll(async () => {
      const url = new URL(connectionString!);
      admin = knexFactory({
        client: 'pg',
        connection: { connectionString: `${connectionString}/postgres` },
      });
      await admin.raw(`CREATE DATABASE ${databaseName}`);
      proxy = new TcpProxy({
        host: url.hostname,
        port: Number(url.port || 5432),
      });
      await proxy.start();
      pluginKnex = knexFactory({
        client: 'pg',
        connection: {
          host: '127.0.0.1',
          port: proxy.port,
          user: decodeURIComponent(url.username) || 'postgres',
          password: decodeURIComponent(url.password) || undefined,
          database: databaseName,
        },
        pool: { min: 0, max: 4 },
        // the outage is the point: Knex's own console warnings about it are noise
        log: { warn() {}, error() {}, debug() {}, deprecate() {} },
      });
      server = await startPluginBackend({
        knex: pluginKnex,
        entities: [service],
        config: {
          caseStudies: { database: { timeout: { milliseconds: TIMEOUT_MS } } },
        },
      });
    });

    afterAll(async () => {
      await proxy?.resume();
      await pluginKnex?.destroy();
      await proxy?.close();
      await admin?.raw(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin?.destroy();
    });

    /** Retries until the API answers 200 again, as a client honouring Retry-After would. */
    async function untilServed(path: string) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const response = await request(server)
          .get(path)
          .set('Authorization', asOwner());
        if (response.status === 200 || Date.now() > deadline) return response;
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    }

    it('answers 503 with Retry-After while it is stopped or frozen, stays alive, and recovers', async () => {
      const written = await request(server)
        .put(item)
        .set('Authorization', asOwner())
        .send({ status: 'in-progress', version: 0 });
      expect(written.status).toBe(200);

      // stopped: connections refused
      await proxy.stop();
      const stopped = await request(server)
        .get(history)
        .set('Authorization', asOwner());
      expect(stopped.status).toBe(503);
      expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.stringify(stopped.body)).not.toMatch(
        /ECONNREFUSED|127\.0\.0\.1|Knex|stack/,
      );
      expect(
        (await request(server).get('/api/case-studies/health')).status,
      ).toBe(200);
      const notReady = await request(server).get(
        '/api/case-studies/health/readiness',
      );
      expect(notReady.status).toBe(503);
      expect(notReady.body.database.status).toBe('unavailable');

      await proxy.resume();
      expect((await untilServed(history)).status).toBe(200);

      // frozen: connections open, no byte answered
      proxy.freeze();
      const started = Date.now();
      const frozen = await request(server)
        .get(history)
        .set('Authorization', asOwner());
      const waited = Date.now() - started;
      expect(frozen.status).toBe(503);
      expect(frozen.headers['retry-after']).toBeDefined();
      // the bound is twice the timeout; allow for a slow machine, far below Knex's 30 s
      expect(waited).toBeLessThan(4 * TIMEOUT_MS + 1000);

      await proxy.resume();
      const recovered = await untilServed(history);
      expect(recovered.status).toBe(200);
      // what was acknowledged before the outage is there
      expect(recovered.body.items[0]).toMatchObject({
        itemId: 'continuous-integration',
        status: 'in-progress',
      });
      const ready = await request(server).get(
        '/api/case-studies/health/readiness',
      );
      expect(ready.status).toBe(200);
    });
  },
);
