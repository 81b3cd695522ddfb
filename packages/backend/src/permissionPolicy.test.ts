import { mockCredentials } from '@backstage/backend-test-utils';
import { createPermission } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  caseStudiesChecklistUpdatePermission,
  caseStudiesRolloutManagePermission,
} from '@case-studies/plugin-case-studies-common';
import { CaseStudiesDemoPolicy } from './permissionPolicy';

function user(ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    info: {
      userEntityRef: ownershipEntityRefs[0],
      ownershipEntityRefs,
    },
    token: 'token',
    credentials: mockCredentials.user(ownershipEntityRefs[0]),
    expiresInSeconds: 3600,
  } as PolicyQueryUser;
}

const guest = user(['user:development/guest', 'group:default/payments-team']);
const platformEngineer = user([
  'user:default/pat',
  'group:default/platform-team',
]);

describe('CaseStudiesDemoPolicy', () => {
  const policy = new CaseStudiesDemoPolicy(['group:default/platform-team']);

  it('lets only the entity owners change a checklist, through the catalog', async () => {
    const decision = await policy.handle(
      { permission: caseStudiesChecklistUpdatePermission },
      guest,
    );
    expect(decision).toMatchObject({
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        params: {
          claims: ['user:development/guest', 'group:default/payments-team'],
        },
      },
    });
  });

  it('lets members of a platform group manage rollouts, and nobody else', async () => {
    const allowed = await policy.handle(
      { permission: caseStudiesRolloutManagePermission },
      platformEngineer,
    );
    const denied = await policy.handle(
      { permission: caseStudiesRolloutManagePermission },
      guest,
    );
    expect(allowed.result).toBe('ALLOW');
    expect(denied.result).toBe('DENY');
  });

  it('allows reading to anyone signed in', async () => {
    const read = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect((await policy.handle({ permission: read }, guest)).result).toBe(
      'ALLOW',
    );
  });
});
