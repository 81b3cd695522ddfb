import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { NotAllowedError } from '@backstage/errors';

/**
 * A second demo sign-in, `platform-guest`: like the guest provider, but as
 * a member of the platform team (`auth.providers.platform-guest.userEntityRef`,
 * resolved in the catalog so the token carries the user's groups), so that
 * rollouts can be created in the demo while the guest stays an ordinary
 * service owner. Like the guest provider it refuses to run outside
 * development: it signs anyone in without a password.
 */
const platformGuestAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize: () => ({ enabled: process.env.NODE_ENV === 'development' }),
  async authenticate(_, { enabled }) {
    if (!enabled) {
      throw new NotAllowedError(
        'The platform-guest demo sign-in works only in development',
      );
    }
    return { result: {} };
  },
});

export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'case-studies-demo-platform-guest',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const userEntityRef = config.getString(
          'auth.providers.platform-guest.userEntityRef',
        );
        providers.registerProvider({
          providerId: 'platform-guest',
          factory: createProxyAuthProviderFactory({
            authenticator: platformGuestAuthenticator,
            signInResolver: async (_, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: userEntityRef }),
          }),
        });
      },
    });
  },
});
