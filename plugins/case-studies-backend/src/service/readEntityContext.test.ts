import { mockCredentials } from '@backstage/backend-test-utils';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { profile } from '@case-studies/plugin-case-studies-common';
import { countingCatalog } from '../testing/countingCatalog';
import { withRelations } from '../testing/withRelations';
import { normalisedRef } from './entityRefs';
import {
  countOwnedComponent,
  OwnedComponents,
  readEntityContext,
  readEntityContexts,
  relationTargets,
} from './readEntityContext';

const credentials = mockCredentials.user('user:default/alice');

function component(
  name: string,
  spec: { type: string; system?: string; dependsOn?: string[] },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { lifecycle: 'production', owner: 'squad', ...spec },
  };
}

/**
 * A two-person squad owning two services, a worker, a library and a
 * website; `billing` is strongly consistent and depends on a service and a
 * library of its own system and on a service of another system.
 */
const entities = withRelations([
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'squad', namespace: 'default' },
    spec: { type: 'team', children: [], members: ['ann', 'bob'] },
  },
  ...['ann', 'bob'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: ['squad'] },
  })),
  ...['payouts', 'risk'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'squad' },
  })),
  {
    ...component('billing', {
      type: 'service',
      system: 'payouts',
      dependsOn: [
        'component:default/fees',
        'component:default/money-lib',
        'component:default/fraud-check',
      ],
    }),
    metadata: {
      name: 'billing',
      namespace: 'default',
      annotations: { 'case-studies/consistency': 'strong' },
    },
  },
  component('fees', { type: 'worker', system: 'payouts' }),
  component('money-lib', { type: 'library', system: 'payouts' }),
  component('fraud-check', { type: 'service', system: 'risk' }),
  component('docs-site', { type: 'website' }),
]);

const billing = { kind: 'component', namespace: 'default', name: 'billing' };

describe('readEntityContext', () => {
  it('counts the components an owner deploys apart from the ones it only owns', async () => {
    const { catalog } = countingCatalog(entities);
    const { neighbours } = await readEntityContext({
      catalog,
      ref: billing,
      credentials,
    });
    expect(neighbours.ownerGroup).toMatchObject({
      memberCount: 2,
      ownedComponents: 5,
      ownedServices: 3,
    });
  });

  it('gives the same counts when the caller counted the components itself', async () => {
    const { catalog } = countingCatalog(entities);
    const counts = new Map<string, OwnedComponents>();
    for (const entity of entities.filter(e => e.kind === 'Component')) {
      for (const owner of relationTargets(entity, RELATION_OWNED_BY)) {
        countOwnedComponent(counts, normalisedRef(owner), entity);
      }
    }
    const subject = entities.find(e => e.metadata.name === 'billing')!;
    const counted = await readEntityContexts({
      catalog,
      entities: [subject],
      credentials,
      ownedComponents: counts,
    });
    const queried = await readEntityContext({
      catalog,
      ref: billing,
      credentials,
    });
    expect(
      counted.get(normalisedRef(stringifyEntityRef(subject)))!.neighbours
        .ownerGroup,
    ).toEqual(queried.neighbours.ownerGroup);
  });

  it('gives the profile the services of its own system that the entity depends on', async () => {
    const { catalog } = countingCatalog(entities);
    const { entity, neighbours } = await readEntityContext({
      catalog,
      ref: billing,
      credentials,
    });
    const facts = profile(entity, neighbours).facts;
    expect(facts['entity.sameSystemServiceDependencies']).toMatchObject({
      value: 1,
      source: {
        detail:
          'depends on 1 service of system system:default/payouts: component:default/fees',
      },
    });
    expect(facts['team.services']?.value).toBe(3);
    expect(facts['team.servicesPerMember']?.value).toBe(1.5);
  });
});
