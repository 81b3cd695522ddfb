import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { caseStudiesPlugin } from '../plugin';

/**
 * The plugin in a test backend on the given database, over an in-memory
 * catalog; requests without an Authorization header carry no credentials.
 */
export async function startPluginBackend(options: {
  knex: Knex;
  entities: Entity[];
  config?: object;
  /** e.g. a permissions mock */
  features?: BackendFeature[];
}) {
  const { server } = await startTestBackend({
    features: [
      caseStudiesPlugin,
      mockServices.database.factory({ knex: options.knex }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.features ?? []),
    ],
  });
  return server;
}
