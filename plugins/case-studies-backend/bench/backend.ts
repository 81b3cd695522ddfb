/**
 * The real plugin in a test backend for the benches, over a given catalog
 * and database, and timed GETs against it. Not shipped (outside `src/`).
 */
import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { AddressInfo } from 'net';
import { caseStudiesPlugin } from '../src/plugin';

/** Starts the plugin with the catalog, the database and every request made as `credentials`. */
export async function startBackend(
  catalog: CatalogService,
  knex: Knex,
  credentials: BackstageCredentials,
) {
  const backend = await startTestBackend({
    features: [
      caseStudiesPlugin,
      mockServices.database.factory({ knex }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      mockServices.httpAuth.factory({ defaultCredentials: credentials }),
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { backend, api: `http://127.0.0.1:${port}/api/case-studies` };
}

/**
 * GET and read the whole body; the time is until the last byte arrives (the
 * client's JSON parsing is left out, on both sides). Uncompressed on both
 * sides: the test backend has no compression middleware for `res.json`.
 */
export async function get(url: string) {
  const started = performance.now();
  const response = await fetch(url, {
    headers: { 'Accept-Encoding': 'identity' },
  });
  const body = Buffer.from(await response.arrayBuffer());
  const elapsed = performance.now() - started;
  if (response.status !== 200) {
    throw new Error(`${url}: ${response.status} ${body.toString()}`);
  }
  return { elapsed, body };
}
