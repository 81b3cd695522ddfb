import type { Entity } from '@backstage/catalog-model';
import { neighboursFromEntities } from './neighbours';

const entity = (kind: string, name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec: spec as Entity['spec'],
});

describe('neighboursFromEntities', () => {
  const service = entity('Component', 'orders', {
    type: 'service',
    owner: 'team-a',
    system: 'shop',
    dependsOn: [
      'resource:orders-db',
      'component:default/payments',
      'resource:missing',
    ],
  });
  const related = [
    entity('Resource', 'orders-db', { type: 'database' }),
    entity('Component', 'payments', {
      system: 'shop',
      owner: 'team-b',
      dependsOn: ['resource:payments-db'],
    }),
    entity('Resource', 'payments-db', { type: 'database' }),
    entity('Resource', 'shop-cache', { type: 'cache', system: 'shop' }),
    entity('System', 'shop', { domain: 'commerce' }),
    entity('Domain', 'commerce'),
    entity('Group', 'team-a', { members: ['alice'] }),
    entity('User', 'alice', { memberOf: ['team-a'] }),
    entity('User', 'bob', { memberOf: ['group:default/team-a'] }),
    entity('Component', 'orders-worker', { owner: 'team-a', type: 'worker' }),
    entity('Component', 'orders-sdk', { owner: 'team-a', type: 'library' }),
  ];

  it('resolves dependencies, system, domain and owner group among the entities', () => {
    const neighbours = neighboursFromEntities(service, related);
    expect(neighbours.resources?.map(r => r.metadata.name)).toEqual([
      'orders-db',
    ]);
    expect(neighbours.components?.map(c => c.metadata.name)).toEqual([
      'payments',
    ]);
    expect(neighbours.system?.entity?.metadata.name).toBe('shop');
    expect(neighbours.system?.components?.map(c => c.metadata.name)).toEqual([
      'payments',
    ]);
    expect(
      neighbours.system?.resources?.map(r => r.metadata.name).sort(),
    ).toEqual(['orders-db', 'payments-db', 'shop-cache']);
    expect(neighbours.domain?.metadata.name).toBe('commerce');
    expect(neighbours.ownerGroup).toEqual({
      entity: related[6],
      memberCount: 2,
      ownedComponents: 3,
      // the library is owned but not deployed
      ownedServices: 2,
    });
  });

  it('leaves out the owner group when the Group is not among the entities', () => {
    expect(neighboursFromEntities(service, []).ownerGroup).toBeUndefined();
  });

  it('tolerates malformed input', () => {
    expect(() =>
      neighboursFromEntities(
        null as unknown as Entity,
        [42, null, 'x'] as unknown as Entity[],
      ),
    ).not.toThrow();
  });
});
