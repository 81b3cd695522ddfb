import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { caseStudiesPlugin } from './plugin';

jest.setTimeout(60_000);

describe('caseStudiesPlugin (started in a real backend)', () => {
  async function startBackend() {
    const { server } = await startTestBackend({
      features: [
        caseStudiesPlugin,
        catalogServiceMock.factory({ entities: [] }),
        // Requests without an Authorization header carry no credentials.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    return server;
  }

  it('answers /health without authentication', async () => {
    const server = await startBackend();
    const response = await request(server).get('/api/case-studies/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('rejects every other route without credentials', async () => {
    const server = await startBackend();
    for (const route of [
      '/api/case-studies/knowledge',
      '/api/case-studies/entities/component/default/x/guidance',
    ]) {
      const response = await request(server).get(route);
      expect({ route, status: response.status }).toEqual({
        route,
        status: 401,
      });
    }
  });

  it('serves the knowledge base to a signed-in user', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/case-studies/knowledge')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.version).toEqual(expect.any(String));
    expect(response.body.companies.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['netflix', 'stripe', 'discord']),
    );
  });

  it('keeps checklist data in file-backed SQLite across a backend restart', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'case-studies-'));
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'ledger', namespace: 'default' },
      spec: { type: 'service', owner: 'group:default/ledger-team' },
    };
    const start = () =>
      startTestBackend({
        features: [
          caseStudiesPlugin,
          catalogServiceMock.factory({ entities: [entity] }),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                database: {
                  client: 'better-sqlite3',
                  connection: { directory },
                },
              },
            },
          }),
          databaseServiceFactory,
        ],
      });
    const itemUrl =
      '/api/case-studies/entities/component/default/ledger/checklist/continuous-integration';

    try {
      const first = await start();
      await request(first.server)
        .put(itemUrl)
        .set('Authorization', mockCredentials.user.header())
        .send({ status: 'done', note: 'before restart', version: 0 })
        .expect(200);
      await first.stop();

      const second = await start();
      const history = await request(second.server)
        .get(
          '/api/case-studies/entities/component/default/ledger/checklist/history',
        )
        .set('Authorization', mockCredentials.user.header());
      await second.stop();

      expect(history.body.items).toEqual([
        expect.objectContaining({ status: 'done', note: 'before restart' }),
      ]);
      expect(fs.readdirSync(directory)).toContain('case-studies.sqlite');
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
