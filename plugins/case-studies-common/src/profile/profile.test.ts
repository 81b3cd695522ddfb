import type { Entity } from '@backstage/catalog-model';
import { profile } from './profile';
import type { ServiceProfile } from './types';

function component(
  name: string,
  options: {
    tags?: string[];
    annotations?: Record<string, string>;
    spec?: Record<string, unknown>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      tags: options.tags,
      annotations: options.annotations,
    },
    spec: { type: 'service', lifecycle: 'production', ...options.spec },
  };
}

function resource(
  name: string,
  type: string,
  options: { tags?: string[]; annotations?: Record<string, string> } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, tags: options.tags, annotations: options.annotations },
    spec: { type },
  };
}

function values(
  result: ServiceProfile,
  attribute: keyof ServiceProfile['attributes'],
) {
  return result.attributes[attribute].map(v => v.value);
}

describe('profile', () => {
  describe('provenance', () => {
    it('names the annotation that gave a value', () => {
      const result = profile(
        component('a', { annotations: { 'case-studies/language': 'Go' } }),
      );
      expect(result.attributes.language).toEqual([
        {
          value: 'go',
          source: {
            kind: 'annotation',
            detail: 'annotation case-studies/language',
            confidence: 'high',
          },
        },
      ]);
    });

    it('lets an annotation beat a tag and reports the conflict', () => {
      const result = profile(
        component('a', {
          tags: ['python'],
          annotations: { 'case-studies/language': 'go' },
        }),
      );
      expect(values(result, 'language')).toEqual(['go']);
      expect(result.conflicts).toEqual([
        {
          attribute: 'language',
          kept: [expect.objectContaining({ value: 'go' })],
          overridden: [
            {
              value: 'python',
              source: { kind: 'tag', detail: 'tag python', confidence: 'high' },
            },
          ],
        },
      ]);
    });

    it('resolves a single-valued attribute by precedence: annotation over tag', () => {
      const result = profile(
        component('a', {
          tags: ['microservices'],
          annotations: { 'case-studies/architecture': 'monolith' },
        }),
      );
      expect(result.attributes.architecture).toEqual([
        expect.objectContaining({
          value: 'monolith',
          source: expect.objectContaining({ kind: 'annotation' }),
        }),
      ]);
      expect(result.conflicts[0].overridden).toEqual([
        expect.objectContaining({ value: 'microservices' }),
      ]);
    });

    it('takes the database from a dependsOn resource, naming the resource', () => {
      const result = profile(
        component('payments', {
          spec: { dependsOn: ['resource:default/payments-db'] },
        }),
        {
          resources: [resource('payments-db', 'database', { tags: ['pg'] })],
        },
      );
      expect(result.attributes.databases).toEqual([
        {
          value: 'postgres',
          source: {
            kind: 'relation',
            detail: 'dependsOn resource:default/payments-db (tag pg)',
            confidence: 'high',
          },
        },
      ]);
      expect(result.facts['entity.databases']?.value).toBe(1);
    });

    it('reads the engine from a database resource name, but not from other resources', () => {
      const result = profile(component('orders'), {
        resources: [
          resource('orders-mysql', 'database'),
          resource('pg-backups', 's3-bucket'),
        ],
      });
      expect(result.attributes.databases).toEqual([
        {
          value: 'mysql',
          source: {
            kind: 'relation',
            detail: 'dependsOn resource:default/orders-mysql (name)',
            confidence: 'medium',
          },
        },
      ]);
    });

    it('reads caches and message queues from resources', () => {
      const result = profile(component('a'), {
        resources: [
          resource('sessions', 'cache', { tags: ['memcache'] }),
          resource('events', 'message-queue', {
            annotations: { 'case-studies/messaging': 'Kafka' },
          }),
        ],
      });
      expect(values(result, 'caches')).toEqual(['memcached']);
      expect(result.attributes.messaging[0].source.detail).toBe(
        'dependsOn resource:default/events (annotation case-studies/messaging)',
      );
    });

    it('guesses from an unresolved dependsOn name at low confidence', () => {
      const result = profile(
        component('a', { spec: { dependsOn: ['resource:orders-postgres'] } }),
      );
      expect(result.attributes.databases).toEqual([
        {
          value: 'postgres',
          source: {
            kind: 'relation',
            detail:
              'dependsOn resource:default/orders-postgres (name; not in the catalog)',
            confidence: 'low',
          },
        },
      ]);
    });

    it('unions list attributes across sources, each value with its strongest source', () => {
      const result = profile(
        component('a', {
          tags: ['postgres', 'redis'],
          annotations: { 'case-studies/database': 'postgres, dynamodb' },
        }),
        { resources: [resource('cache', 'cache', { tags: ['redis'] })] },
      );
      expect(
        result.attributes.databases.map(v => [v.value, v.source.kind]),
      ).toEqual([
        ['postgres', 'annotation'],
        ['dynamodb', 'annotation'],
      ]);
      expect(result.attributes.caches.map(v => v.source.detail)).toEqual([
        'dependsOn resource:default/cache (tag redis)',
      ]);
      expect(result.conflicts).toEqual([]);
    });
  });

  describe('inferences', () => {
    it('infers strong consistency from a payments domain', () => {
      const result = profile(component('a', { tags: ['billing'] }));
      expect(values(result, 'domain')).toEqual(['payments']);
      expect(result.attributes.consistency).toEqual([
        {
          value: 'strong',
          source: {
            kind: 'inference',
            detail: 'domain payments (tag billing) needs strong consistency',
            confidence: 'medium',
          },
        },
      ]);
    });

    it('takes the domain from the Domain entity and the System name', () => {
      const domain: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Domain',
        metadata: { name: 'communication' },
      };
      const result = profile(component('a'), { domain });
      expect(result.attributes.domain).toEqual([
        {
          value: 'messaging',
          source: {
            kind: 'relation',
            detail: 'domain domain:default/communication (name)',
            confidence: 'medium',
          },
        },
      ]);
    });

    it('lets a declared consistency beat the domain inference, reporting the conflict', () => {
      const result = profile(
        component('a', {
          annotations: {
            'case-studies/domain': 'payments',
            'case-studies/consistency': 'eventual',
          },
        }),
      );
      expect(values(result, 'consistency')).toEqual(['eventual']);
      expect(result.conflicts.map(c => c.attribute)).toEqual(['consistency']);
    });

    it('hints at the architecture from the size of the System, at low confidence', () => {
      const small = profile(component('a', { spec: { system: 'shop' } }), {
        system: { components: [component('a'), component('b')] },
      });
      expect(small.attributes.architecture).toEqual([
        {
          value: 'monolith',
          source: {
            kind: 'inference',
            detail: 'system shop has 2 components',
            confidence: 'low',
          },
        },
      ]);
      expect(small.facts['system.components']?.value).toBe(2);

      const many = profile(component('a'), {
        system: { components: ['b', 'c', 'd'].map(name => component(name)) },
      });
      expect(values(many, 'architecture')).toEqual(['microservices']);

      const middle = profile(component('a'), {
        system: { components: ['b', 'c'].map(name => component(name)) },
      });
      expect(middle.unknown).toContain('architecture');
    });

    it('derives the scale from declared figures', () => {
      const result = profile(
        component('a', {
          annotations: {
            'case-studies/peak-rps': '700k',
            'case-studies/users': '2,500',
          },
        }),
      );
      expect(result.facts['scale.peakRps']?.value).toBe(700000);
      expect(result.facts['scale.users']?.value).toBe(2500);
      expect(result.attributes.scale).toEqual([
        expect.objectContaining({
          value: 'hyperscale',
          source: expect.objectContaining({
            kind: 'inference',
            confidence: 'medium',
          }),
        }),
      ]);
    });

    it('does not guess a scale from a production lifecycle', () => {
      const result = profile(component('a'));
      expect(values(result, 'lifecycle')).toEqual(['production']);
      expect(result.unknown).toContain('scale');
    });

    it('infers practices and deployment from well-known annotations', () => {
      const result = profile(
        component('a', {
          annotations: {
            'pagerduty.com/service-id': 'P123',
            'datadoghq.com/dashboard-url': 'https://example.com',
            'backstage.io/kubernetes-id': 'a',
          },
        }),
      );
      expect(result.attributes.practices).toEqual([
        {
          value: 'alerting',
          source: {
            kind: 'annotation',
            detail: 'annotation pagerduty.com/service-id',
            confidence: 'medium',
          },
        },
        expect.objectContaining({ value: 'observability' }),
      ]);
      expect(values(result, 'deployment')).toEqual(['kubernetes']);
    });
  });

  describe('tag normalisation', () => {
    it.each([
      [['pg'], 'databases', ['postgres']],
      [['postgresql'], 'databases', ['postgres']],
      [['golang'], 'language', ['go']],
      [['scylla'], 'databases', ['scylladb']],
      [['memcache'], 'caches', ['memcached']],
      [['phoenix'], 'language', ['elixir']],
      [['k8s'], 'deployment', ['kubernetes']],
      [['nodejs'], 'language', ['javascript']],
      [['node', 'typescript'], 'language', ['typescript']],
      [['Java', 'Kotlin'], 'language', ['java', 'kotlin']],
      [['rails'], 'language', ['ruby']],
      [['rails'], 'architecture', ['monolith']],
      [['ruby-on-rails'], 'language', ['ruby']],
      [['crdt'], 'practices', ['crdt']],
      [['chaos-monkey'], 'practices', ['chaos-engineering']],
      [['serverless'], 'architecture', ['serverless']],
      [['serverless'], 'deployment', ['serverless']],
      [['e-commerce'], 'domain', ['commerce']],
      [['acid'], 'consistency', ['strong']],
    ] as const)('%j gives %s %j', (tags, attribute, expected) => {
      expect(
        values(profile(component('a', { tags: [...tags] })), attribute),
      ).toEqual(expected);
    });

    it('marks the Rails monolith hint as a low-confidence tag value', () => {
      const result = profile(component('a', { tags: ['rails'] }));
      expect(result.attributes.architecture[0].source).toEqual({
        kind: 'tag',
        detail: 'tag rails',
        confidence: 'low',
      });
    });
  });

  describe('unknowns and tell-us-more', () => {
    it('reports every attribute of an entity without metadata as unknown', () => {
      const result = profile(component('plain'));
      expect(result.unknown).toEqual([
        'language',
        'databases',
        'caches',
        'messaging',
        'consistency',
        'scale',
        'architecture',
        'domain',
        'deployment',
        'practices',
      ]);
      expect(result.missing.map(m => m.yaml)).toContain(
        'case-studies/scale: medium',
      );
      expect(result.missing[0]).toEqual(
        expect.objectContaining({
          attribute: 'language',
          annotation: 'case-studies/language',
          state: 'unknown',
        }),
      );
    });

    it('asks to confirm a value known only from a low-confidence inference', () => {
      const result = profile(component('a', { tags: ['rails'] }));
      expect(result.missing).toContainEqual(
        expect.objectContaining({
          attribute: 'architecture',
          yaml: 'case-studies/architecture: monolith',
          state: 'confirm',
        }),
      );
      expect(result.missing.map(m => m.attribute)).not.toContain('language');
    });

    it('rejects values outside a closed vocabulary and unknown annotations', () => {
      const result = profile(
        component('a', {
          annotations: {
            'case-studies/scale': 'huge',
            'case-studies/colour': 'blue',
            'case-studies/peak-rps': 'lots',
          },
        }),
      );
      expect(result.unknown).toContain('scale');
      expect(result.rejected.map(r => [r.detail, r.value])).toEqual([
        ['annotation case-studies/scale', 'huge'],
        ['annotation case-studies/colour', 'blue'],
        ['annotation case-studies/peak-rps', 'lots'],
      ]);
    });
  });

  describe('facts', () => {
    it('reads team facts from the owner group', () => {
      const result = profile(
        component('a', { spec: { owner: 'group:default/team-a' } }),
        {
          ownerGroup: { memberCount: 2, ownedComponents: 8 },
        },
      );
      expect(result.facts['team.members']).toEqual({
        value: 2,
        source: {
          kind: 'relation',
          detail: 'group:default/team-a has 2 members',
          confidence: 'high',
        },
      });
      expect(result.facts['team.components']?.value).toBe(8);
      expect(result.facts['team.componentsPerMember']?.value).toBe(4);
    });

    it('counts the databases and strongly consistent components of the System', () => {
      const services = ['a', 'b', 'c'].map(name =>
        component(name, {
          annotations: { 'case-studies/consistency': 'strong' },
        }),
      );
      const result = profile(services[0], {
        resources: [resource('a-db', 'database')],
        system: {
          components: services,
          resources: [
            resource('a-db', 'database'),
            resource('b-db', 'postgres'),
            resource('c-cache', 'cache'),
          ],
        },
      });
      expect(result.facts['system.components']?.value).toBe(3);
      expect(result.facts['system.databases']?.value).toBe(2);
      expect(result.facts['system.strongConsistencyComponents']?.value).toBe(3);
    });

    it('leaves facts unknown when the neighbours are not given', () => {
      expect(profile(component('a')).facts).toEqual({});
    });
  });

  it('tolerates malformed entities', () => {
    const odd = [
      null,
      42,
      'component',
      [],
      { kind: 7, metadata: 'x', spec: [] },
      { metadata: { tags: 'pg', annotations: ['x'] } },
      {
        metadata: {
          tags: [1, null, 'pg'],
          annotations: { 'case-studies/scale': 3 },
        },
      },
    ];
    for (const entity of odd) {
      expect(() =>
        profile(entity as unknown as Entity, { resources: [null] } as any),
      ).not.toThrow();
    }
    expect(
      profile({ metadata: { tags: [1, null, 'pg'] } } as unknown as Entity)
        .attributes.databases[0].value,
    ).toBe('postgres');
  });
});
