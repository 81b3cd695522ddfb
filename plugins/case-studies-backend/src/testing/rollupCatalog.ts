import { Entity } from '@backstage/catalog-model';
import { withRelations } from './withRelations';

/*
 * A small organisation for roll-up tests, with the relations the catalog
 * would derive.
 */

export const group = (
  name: string,
  children: string[] = [],
  title?: string,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
  spec: { type: 'team', children },
});

export const user = (name: string, memberOf: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf },
});

export const component = (
  name: string,
  owner: string,
  extra: { system?: string; dependsOn?: string[]; tags?: string[] } = {},
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', tags: extra.tags ?? [] },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner,
    ...(extra.system ? { system: extra.system } : {}),
    ...(extra.dependsOn ? { dependsOn: extra.dependsOn } : {}),
  },
});

/**
 * An organisation three levels below its root (org → engineering → payments
 * → payments-core), a cycle of two groups, an empty team, a component owned
 * by a user, a system in a domain, and a service only its team may see.
 */
export const rollupCatalog: Entity[] = withRelations([
  group('org', ['engineering', 'empty-team'], 'The Organisation'),
  group('engineering', ['payments', 'platform']),
  group('payments', ['payments-core'], 'Payments'),
  group('payments-core'),
  group('platform'),
  group('empty-team'),
  group('loop-a', ['loop-b']),
  group('loop-b', ['loop-a']),
  user('alice', ['payments']),
  user('bob', ['platform']),
  user('mallory', ['platform']),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'money', namespace: 'default' },
    spec: { owner: 'payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments-system', namespace: 'default' },
    spec: { owner: 'payments', domain: 'money' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'ledger-db', namespace: 'default', tags: ['postgres'] },
    spec: {
      type: 'database',
      owner: 'payments-core',
      system: 'payments-system',
    },
  },
  component('ledger', 'payments-core', {
    system: 'payments-system',
    dependsOn: ['resource:ledger-db'],
    tags: ['java'],
  }),
  component('checkout', 'payments', {
    system: 'payments-system',
    tags: ['ruby'],
  }),
  component('hidden-service', 'payments'),
  component('portal', 'platform', { tags: ['typescript'] }),
  component('root-tool', 'org'),
  component('bob-script', 'user:bob'),
  component('loop-a-service', 'loop-a'),
  component('loop-b-service', 'loop-b'),
]);
