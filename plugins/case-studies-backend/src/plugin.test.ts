import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
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
    for (const path of [
      '/api/case-studies/knowledge',
      '/api/case-studies/entities/component/default/x/guidance',
    ]) {
      const response = await request(server).get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
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
});
