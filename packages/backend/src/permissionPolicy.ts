import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
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
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  caseStudiesChecklistUpdatePermission,
  caseStudiesRolloutManagePermission,
} from '@case-studies/plugin-case-studies-common';

/**
 * The demo's permission policy:
 * - everyone signed in may read;
 * - an entity's checklist may be changed by the entity's owners only;
 * - rollouts may be managed by members of the platform groups named in
 *   `caseStudies.platformGroups`.
 */
export class CaseStudiesDemoPolicy implements PermissionPolicy {
  constructor(private readonly platformGroups: string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, caseStudiesChecklistUpdatePermission)
    ) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    if (isPermission(request.permission, caseStudiesRolloutManagePermission)) {
      const refs = user?.info.ownershipEntityRefs ?? [];
      const isPlatformMember = refs.some(ref =>
        this.platformGroups.includes(ref.toLocaleLowerCase('en-US')),
      );
      return {
        result: isPlatformMember ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'case-studies-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        const platformGroups = (
          config.getOptionalStringArray('caseStudies.platformGroups') ?? []
        ).map(ref => ref.toLocaleLowerCase('en-US'));
        policy.setPolicy(new CaseStudiesDemoPolicy(platformGroups));
      },
    });
  },
});
