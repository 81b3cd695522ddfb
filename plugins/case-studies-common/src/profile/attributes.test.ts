import type { Entity } from '@backstage/catalog-model';
import { engineWithAttributes } from './__testUtils__/extendedRegistry';
import * as registry from './attributes';
import {
  ATTRIBUTES,
  AttributeDefinition,
  PROFILE_ATTRIBUTES,
} from './attributes';

const definitions: [string, AttributeDefinition][] = PROFILE_ATTRIBUTES.map(
  attribute => [attribute, ATTRIBUTES[attribute]],
);

describe('the attribute registry', () => {
  it('gives every annotation key to one attribute only', () => {
    const keys = definitions.flatMap(([, d]) => d.annotations);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks for an annotation the attribute reads, each attribute at its own place', () => {
    const asks = definitions.filter(([, d]) => d.ask);
    for (const [attribute, { ask, annotations }] of asks) {
      expect([attribute, annotations]).toEqual([
        attribute,
        expect.arrayContaining([ask!.annotation]),
      ]);
    }
    const orders = asks.map(([, d]) => d.ask!.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('gives every spelling of an attribute one meaning', () => {
    for (const [attribute, { synonyms }] of definitions) {
      const spellings = Object.entries(synonyms).flatMap(([value, others]) => [
        value,
        ...others,
      ]);
      const repeated = spellings.filter((s, i) => spellings.indexOf(s) !== i);
      expect([attribute, repeated]).toEqual([attribute, []]);
    }
  });

  it('closes only attributes that have a vocabulary', () => {
    const closedWithout = definitions
      .filter(([, d]) => d.vocabulary === 'closed')
      .filter(([, d]) => Object.keys(d.synonyms).length === 0);
    expect(closedWithout).toEqual([]);
  });
});

/**
 * What docs/architecture.md ("How to add a profile attribute") promises: an
 * attribute added to the registry alone, and used by the knowledge, is
 * declared by its annotation, normalised and checked by its vocabulary,
 * combined by its precedence, read by conditions, compared with companies
 * and asked for. The engine is loaded afresh on a copy of the registry with
 * one more attribute.
 */
describe('an attribute added to the registry only', () => {
  const tenancy: AttributeDefinition = {
    annotations: ['case-studies/tenancy'],
    values: 'one',
    vocabulary: 'closed',
    synonyms: {
      'single-tenant': ['dedicated'],
      'multi-tenant': ['saas', 'shared-tenancy'],
    },
    similarity: { weight: 2, compare: 'overlap' },
    ask: {
      order: 4.5,
      annotation: 'case-studies/tenancy',
      example: 'multi-tenant',
      why: 'tenancy decides the isolation lessons',
    },
  };

  it('the test copy replaces every export of the registry that is derived from it', () => {
    // If the registry grows another derived export, the copy must derive it too.
    expect(Object.keys(registry).sort()).toEqual([
      'ATTRIBUTES',
      'KNOWN_PRACTICES',
      'PROFILE_ATTRIBUTES',
      'SCALE_LEVELS',
      'attributeDefinition',
    ]);
  });

  it('flows from the catalog through the knowledge into the guidance', () => {
    const engine = engineWithAttributes({ tenancy });
    const builtin = engine.loadKnowledge();
    // The knowledge side: a condition and a company profile in the schema.
    const when = engine.conditionSchema.parse({
      attribute: 'tenancy',
      in: ['dedicated'],
    });
    const companyProfile = engine.profileSchema.parse({
      ...builtin.companies[0].profile,
      tenancy: ['single-tenant'],
    });
    const knowledge = {
      ...builtin,
      companies: [
        { ...builtin.companies[0], profile: companyProfile },
        ...builtin.companies.slice(1),
      ],
      lessons: [
        ...builtin.lessons,
        { ...builtin.lessons[0], id: 'isolate-tenants', appliesWhen: when },
      ],
    };
    const entity = (annotations: Record<string, string>, tags: string[] = []) =>
      ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orders', annotations, tags },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      } as Entity);

    const declared = engine.profile(
      entity({ 'case-studies/tenancy': 'Dedicated' }, ['saas']),
    );
    expect(declared.attributes.tenancy).toEqual([
      {
        value: 'single-tenant',
        source: {
          kind: 'annotation',
          detail: 'annotation case-studies/tenancy',
          confidence: 'high',
        },
      },
    ]);
    expect(declared.conflicts).toEqual([
      expect.objectContaining({
        attribute: 'tenancy',
        overridden: [expect.objectContaining({ value: 'multi-tenant' })],
      }),
    ]);
    expect(declared.missing.map((m: any) => m.annotation)).not.toContain(
      'case-studies/tenancy',
    );

    const advice = engine.guidance(declared, knowledge);
    const lesson = advice.lessons.find((l: any) => l.id === 'isolate-tenants');
    expect(lesson.explanation).toContain('single-tenant');
    const company = advice.companies.find(
      (c: any) => c.id === builtin.companies[0].id,
    );
    expect(company.matched.map((m: any) => m.attribute)).toContain('tenancy');

    const silent = engine.profile(entity({ 'case-studies/tenancy': 'cobol' }));
    expect(silent.unknown).toContain('tenancy');
    expect(silent.rejected).toEqual([
      expect.objectContaining({
        value: 'cobol',
        reason: 'not one of single-tenant, multi-tenant',
      }),
    ]);
    // Asked for after the architecture (order 4) and before the scale (5).
    const asked = silent.missing.map((m: any) => m.annotation);
    expect(asked.indexOf('case-studies/tenancy')).toBe(
      asked.indexOf('case-studies/architecture') + 1,
    );
    expect(
      engine.guidance(silent, knowledge).lessons.map((l: any) => l.id),
    ).not.toContain('isolate-tenants');
  });
});
