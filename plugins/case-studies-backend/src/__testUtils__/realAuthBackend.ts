import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthenticationError } from '@backstage/errors';
import authPlugin from '@backstage/plugin-auth-backend';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
  permissionRules,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  caseStudiesChecklistUpdatePermission,
  caseStudiesRolloutManagePermission,
} from '@case-studies/plugin-case-studies-common';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { caseStudiesPlugin } from '../plugin';
import { newEs256Key } from './realAuthTokens';

/*
 * The plugin in a test backend with Backstage's real token handling: the
 * auth backend issues user tokens (ES256, static key store), and the real
 * auth, httpAuth, userInfo and permissions services verify them and call the
 * permission backend over HTTP, whose policy is the demo policy's rules.
 * The catalog is the in-memory one, narrowed per caller (`hidden`); a
 * stand-in `catalog` plugin evaluates the catalog's conditional decisions
 * (isEntityOwner) with the catalog's own rules.
 */

/** The sign-in provider of the test: signs in the user named in this header, resolved in the catalog. */
export const SIGN_IN_AS_HEADER = 'x-test-sign-in-as';
const SIGN_IN_PROVIDER = 'test-sign-in';
/** The key id of the auth backend's signing key. */
export const BACKEND_KEY_ID = 'test-backend-key';

/**
 * The demo policy's rules (packages/backend/src/permissionPolicy.ts, which a
 * plugin may not import): checklist changes by the entity's owners only, as
 * a catalog conditional decision; rollout management by platform-group
 * members only; everything else allowed.
 */
class DemoPolicyRules implements PermissionPolicy {
  constructor(private readonly platformGroups: string[]) {}

  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const refs = user?.info.ownershipEntityRefs ?? [];
    if (isPermission(query.permission, caseStudiesChecklistUpdatePermission)) {
      return createCatalogConditionalDecision(
        query.permission,
        catalogConditions.isEntityOwner({ claims: refs }),
      );
    }
    if (isPermission(query.permission, caseStudiesRolloutManagePermission)) {
      const member = refs.some(ref =>
        this.platformGroups.includes(ref.toLocaleLowerCase('en-US')),
      );
      return { result: member ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const demoPolicyModule = (platformGroups: string[]) =>
  createBackendModule({
    pluginId: 'permission',
    moduleId: 'test-demo-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy(
            new DemoPolicyRules(
              platformGroups.map(ref => ref.toLocaleLowerCase('en-US')),
            ),
          );
        },
      });
    },
  });

/** Signs in whoever the request names, as the catalog knows them (a stand-in for an identity provider). */
const signInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'test-sign-in',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: SIGN_IN_PROVIDER,
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async () => ({ profile: {} }),
              initialize: () => ({}),
              async authenticate({ req }) {
                const entityRef = req.header(SIGN_IN_AS_HEADER);
                if (!entityRef) {
                  throw new AuthenticationError(`No ${SIGN_IN_AS_HEADER}`);
                }
                return { result: { entityRef } };
              },
            }),
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: result.entityRef }),
          }),
        });
      },
    });
  },
});

/**
 * Stands in for the catalog backend where the permission backend needs it:
 * `/.well-known/backstage/permissions/apply-conditions`, with the catalog's
 * own permission rules over the test entities.
 */
const catalogConditionsPlugin = (entities: Entity[]) =>
  createBackendPlugin({
    pluginId: 'catalog',
    register(reg) {
      reg.registerInit({
        deps: { permissionsRegistry: coreServices.permissionsRegistry },
        async init({ permissionsRegistry }) {
          const byRef = new Map(
            entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase(), e]),
          );
          permissionsRegistry.addResourceType({
            resourceRef: catalogEntityPermissionResourceRef,
            rules: Object.values(permissionRules),
            getResources: async refs =>
              refs.map(ref => byRef.get(ref.toLocaleLowerCase())),
          });
        },
      });
    },
  });

/**
 * The in-memory catalog as each caller sees it: for the users named in
 * `hidden`, a catalog without that entity (so every read, count and page
 * leaves it out, as a catalog read policy would); everyone else, services
 * included, sees all.
 */
function catalogAsSeenBy(
  entities: Entity[],
  hidden?: { entityRef: string; fromUsers: string[] },
): CatalogService {
  const whole = catalogServiceMock({ entities });
  const narrowed = catalogServiceMock({
    entities: entities.filter(e => stringifyEntityRef(e) !== hidden?.entityRef),
  });
  const seenBy = (credentials: BackstageCredentials): CatalogService => {
    const { userEntityRef } = credentials.principal as {
      userEntityRef?: string;
    };
    return userEntityRef && hidden?.fromUsers.includes(userEntityRef)
      ? narrowed
      : whole;
  };
  // Every CatalogService method takes the caller's `{ credentials }` last.
  return new Proxy({} as CatalogService, {
    get(_target, method) {
      if (typeof method !== 'string' || !(method in whole)) return undefined;
      return (...args: unknown[]) => {
        const { credentials } = args[args.length - 1] as {
          credentials: BackstageCredentials;
        };
        const catalog = seenBy(credentials) as unknown as Record<
          string,
          (...a: unknown[]) => unknown
        >;
        return catalog[method](...args);
      };
    },
  });
}

/** The test database for the plugin under test; a fresh in-memory SQLite for every other plugin. */
const databaseFactory = (knex: Knex) =>
  createServiceFactory({
    service: coreServices.database,
    deps: {
      plugin: coreServices.pluginMetadata,
      lifecycle: coreServices.lifecycle,
    },
    factory({ plugin, lifecycle }) {
      if (plugin.getId() === 'case-studies') {
        return mockServices.database({ knex });
      }
      const own = knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
        pool: { min: 1, max: 1 },
      });
      lifecycle.addShutdownHook(() => own.destroy());
      return mockServices.database({ knex: own });
    },
  });

/**
 * Starts the backend; `signIn(userRef)` returns a real user token from the
 * auth backend's `/refresh`, and `backendKey` is the auth backend's signing
 * key, for tokens the auth backend would not issue (an expired one).
 */
export async function startRealAuthBackend(options: {
  knex: Knex;
  entities: Entity[];
  platformGroups: string[];
  /** an entity some users may not see */
  hidden?: { entityRef: string; fromUsers: string[] };
  /** e.g. 'warn' to see why a request failed */
  logLevel?: 'none' | 'error' | 'warn' | 'info' | 'debug';
}) {
  const backendKey = newEs256Key();
  const keys = createMockDirectory({
    content: {
      'private.pem': backendKey.privateKeyPem,
      'public.pem': backendKey.publicKeyPem,
    },
  });
  const catalog = catalogAsSeenBy(options.entities, options.hidden);

  const backend = await startTestBackend({
    features: [
      caseStudiesPlugin,
      authPlugin,
      signInModule,
      permissionPlugin,
      demoPolicyModule(options.platformGroups),
      catalogConditionsPlugin(options.entities),
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      databaseFactory(options.knex),
      mockServices.rootLogger.factory({ level: options.logLevel ?? 'none' }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          permission: { enabled: true },
          caseStudies: { platformGroups: options.platformGroups },
          auth: {
            keyStore: {
              provider: 'static',
              static: {
                keys: [
                  {
                    keyId: BACKEND_KEY_ID,
                    algorithm: 'ES256',
                    privateKeyFile: keys.resolve('private.pem'),
                    publicKeyFile: keys.resolve('public.pem'),
                  },
                ],
              },
            },
            providers: { [SIGN_IN_PROVIDER]: { enabled: true } },
          },
        },
      }),
    ],
  });
  const server = backend.server;

  async function signIn(userEntityRef: string): Promise<string> {
    const response = await request(server)
      .get(`/api/auth/${SIGN_IN_PROVIDER}/refresh`)
      .set(SIGN_IN_AS_HEADER, userEntityRef);
    if (response.status !== 200) {
      throw new Error(
        `Sign-in of ${userEntityRef} failed: ${response.status} ${response.text}`,
      );
    }
    return response.body.backstageIdentity.token;
  }

  return { backend, server, signIn, backendKey };
}
