import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { loadKnowledge } from '../cli';
import type { KnowledgeBase } from '../knowledge/schema';
import { profile } from '../profile/profile';
import type { ProfileNeighbours } from '../profile/types';
import type { Condition } from '../knowledge/conditions';
import { PROFILE_FACTS } from '../knowledge/conditions';
import { PROFILE_ATTRIBUTES } from '../profile/attributes';
import { vocabularyOf } from '../profile/vocabulary';
import { oracle } from './__testUtils__/conditionOracle';
import { automaticEvidence } from './automaticEvidence';
import {
  ConditionCompiler,
  evaluateCondition,
  restsOnKnownValues,
} from './evaluateCondition';
import { explainEvidence } from './explain';
import { guidance } from './guidance';

let knowledge: KnowledgeBase;
beforeAll(() => {
  knowledge = loadKnowledge();
});

/** Words the profile knows, so generated entities also reach the interesting paths. */
const VOCABULARY = [
  'pg',
  'postgres',
  'mysql',
  'rails',
  'node',
  'typescript',
  'go',
  'java',
  'elixir',
  'rust',
  'k8s',
  'kafka',
  'redis',
  'scylla',
  'payments',
  'billing',
  'microservices',
  'monolith',
  'chaos-engineering',
  'crdt',
  'serverless',
  'small',
  'hyperscale',
  'strong',
  'eventual',
];
const ANNOTATION_KEYS = [
  'case-studies/language',
  'case-studies/database',
  'case-studies/scale',
  'case-studies/consistency',
  'case-studies/architecture',
  'case-studies/domain',
  'case-studies/practices',
  'case-studies/peak-rps',
  'case-studies/users',
  'case-studies/unknown',
  'pagerduty.com/service-id',
  'backstage.io/kubernetes-id',
];

const text = fc.oneof(
  fc.constantFrom(...VOCABULARY),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 5 }),
);
/** Usually the right type, sometimes anything at all. */
const loosely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.anything() });

const annotations = loosely(
  fc.dictionary(
    fc.oneof(fc.constantFrom(...ANNOTATION_KEYS), fc.string()),
    loosely(
      fc.oneof(
        text,
        fc.array(text, { maxLength: 4 }).map(parts => parts.join(',')),
      ),
    ),
  ),
);

const entityArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        apiVersion: fc.constant('backstage.io/v1alpha1'),
        kind: loosely(
          fc.constantFrom('Component', 'Resource', 'System', 'API'),
        ),
        metadata: loosely(
          fc.record(
            {
              name: loosely(text),
              namespace: loosely(text),
              tags: loosely(fc.array(loosely(text), { maxLength: 12 })),
              annotations,
              links: loosely(
                fc.array(
                  loosely(fc.record({ url: text, title: text, type: text })),
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        spec: loosely(
          fc.record(
            {
              type: loosely(
                fc.constantFrom(
                  'service',
                  'database',
                  'cache',
                  'website',
                  'serverless',
                ),
              ),
              lifecycle: loosely(
                fc.constantFrom('production', 'experimental', 'deprecated'),
              ),
              owner: loosely(text),
              system: loosely(text),
              dependsOn: loosely(
                fc.array(loosely(text.map(name => `resource:${name}`)), {
                  maxLength: 4,
                }),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);

const neighboursArbitrary: fc.Arbitrary<unknown> = loosely(
  fc.record(
    {
      resources: loosely(fc.array(entityArbitrary, { maxLength: 4 })),
      components: loosely(fc.array(entityArbitrary, { maxLength: 4 })),
      system: loosely(
        fc.record(
          {
            entity: entityArbitrary,
            components: loosely(fc.array(entityArbitrary, { maxLength: 6 })),
            resources: loosely(fc.array(entityArbitrary, { maxLength: 4 })),
          },
          { requiredKeys: [] },
        ),
      ),
      domain: entityArbitrary,
      ownerGroup: loosely(
        fc.record(
          {
            memberCount: loosely(fc.oneof(fc.nat(60), fc.double())),
            ownedComponents: loosely(fc.oneof(fc.nat(60), fc.double())),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);

/** Conditions over the whole vocabulary, with synonyms, repeats and nesting. */
const leafArbitrary: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    attribute: fc.constantFrom(...PROFILE_ATTRIBUTES),
    known: fc.boolean(),
  }),
  fc.constantFrom(...PROFILE_ATTRIBUTES).chain(attribute =>
    fc.record({
      attribute: fc.constant(attribute),
      in: fc.array(
        fc.constantFrom(
          ...vocabularyOf(attribute),
          ...VOCABULARY,
          'production',
          'experimental',
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  ),
  fc
    .record(
      {
        fact: fc.constantFrom(...PROFILE_FACTS),
        gt: fc.integer({ min: -1, max: 8 }),
        gte: fc.integer({ min: -1, max: 8 }),
        lt: fc.integer({ min: -1, max: 60 }),
        lte: fc.integer({ min: -1, max: 60 }),
        eq: fc.integer({ min: 0, max: 6 }),
      },
      { requiredKeys: ['fact'] },
    )
    .filter(c => Object.keys(c).length > 1),
);
const conditionArbitrary: fc.Arbitrary<Condition> = fc.letrec<{
  condition: Condition;
}>(tie => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.constant({ always: true as const }),
    fc.record({ not: tie('condition') }),
    fc.record({
      all: fc.array(tie('condition'), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      any: fc.array(tie('condition'), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).condition;

function guide(entity: unknown, neighbours: unknown) {
  const serviceProfile = profile(
    entity as Entity,
    neighbours as ProfileNeighbours,
  );
  return { serviceProfile, result: guidance(serviceProfile, knowledge) };
}

describe('profile and guidance on arbitrary input', () => {
  it('do not depend on what was matched before (caches are pure)', () => {
    const samples = fc.sample(fc.tuple(entityArbitrary, neighboursArbitrary), {
      numRuns: 60,
      seed: 42,
    });
    const afterOthers = samples.map(([entity, neighbours]) =>
      guide(entity, neighbours),
    );
    const fresh = loadKnowledge();
    for (let i = samples.length - 1; i >= 0; i--) {
      const [entity, neighbours] = samples[i];
      const serviceProfile = profile(
        entity as Entity,
        neighbours as ProfileNeighbours,
      );
      expect(guidance(serviceProfile, fresh)).toEqual(afterOthers[i].result);
    }
  });

  it('never throw, keep scores in range and are deterministic', () => {
    fc.assert(
      fc.property(
        entityArbitrary,
        neighboursArbitrary,
        (entity, neighbours) => {
          const first = guide(entity, neighbours);
          const second = guide(entity, neighbours);
          expect(second).toEqual(first);
          for (const company of first.result.companies) {
            expect(company.score).toBeGreaterThanOrEqual(0);
            expect(company.score).toBeLessThanOrEqual(100);
          }
          for (const item of knowledge.checklist) {
            automaticEvidence(entity as Entity, item);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explain every item by exactly the sentence of its evidence', () => {
    fc.assert(
      fc.property(
        entityArbitrary,
        neighboursArbitrary,
        (entity, neighbours) => {
          const { result } = guide(entity, neighbours);
          const explained = [
            ...result.companies.flatMap(company => company.caveats),
            ...result.lessons,
            ...result.patterns,
            ...result.checklist,
          ].map(item => [item.explanation, explainEvidence(item.because)]);
          for (const warning of result.antipatterns) {
            explained.push([
              warning.explanation,
              explainEvidence(warning.evidence),
            ]);
          }
          for (const [explanation, sentence] of explained) {
            expect(explanation).toBe(sentence);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('give every entry exactly what the oracle says of its condition', () => {
    // `guidance` compiles the knowledge once and shares the outputs of
    // conditions that read nothing the profile knows; each entry must still
    // get the result, evidence and sentence of its own condition.
    fc.assert(
      fc.property(
        entityArbitrary,
        neighboursArbitrary,
        (entity, neighbours) => {
          const { serviceProfile, result } = guide(entity, neighbours);
          const judge = (condition: Condition) =>
            oracle(condition, serviceProfile);
          const expectApplicable = (
            entries: { id: string; appliesWhen: Condition }[],
            outputs: { id: string; because: unknown; explanation: string }[],
          ) => {
            const outputsById = new Map(
              outputs.map(output => [output.id, output]),
            );
            for (const entry of entries) {
              const { holds, evidence, explanation } = judge(entry.appliesWhen);
              const output = outputsById.get(entry.id);
              expect(
                output && {
                  because: output.because,
                  explanation: output.explanation,
                },
              ).toEqual(holds ? { because: evidence, explanation } : undefined);
            }
          };
          expectApplicable(knowledge.lessons, result.lessons);
          expectApplicable(knowledge.patterns, result.patterns);
          for (const item of knowledge.checklist) {
            const { holds, evidence, explanation } = judge(item.appliesWhen);
            const output = result.checklist.find(i => i.id === item.id)!;
            expect([
              output.applies,
              output.because,
              output.explanation,
            ]).toEqual([holds, evidence, explanation]);
          }
          for (const company of result.companies) {
            const caveats = knowledge.companies
              .find(c => c.id === company.id)!
              .dontCopyWhen.flatMap(caveat => {
                const { holds, evidence, explanation } = judge(caveat.when);
                return holds
                  ? [{ text: caveat.text, because: evidence, explanation }]
                  : [];
              });
            expect(
              company.caveats.map(caveat => ({
                text: caveat.text,
                because: caveat.because,
                explanation: caveat.explanation,
              })),
            ).toEqual(caveats);
          }
          // A warning also needs a known value other than the lifecycle among its evidence.
          const warnings = knowledge.antipatterns.flatMap(antipattern => {
            const { holds, evidence, explanation } = judge(antipattern.detect);
            const restsOnKnown = evidence.some(read =>
              read.type === 'fact'
                ? read.value !== undefined
                : read.values.length > 0 && read.attribute !== 'lifecycle',
            );
            return holds && restsOnKnown
              ? [{ id: antipattern.id, evidence, explanation }]
              : [];
          });
          expect(
            result.antipatterns
              .map(w => ({
                id: w.id,
                evidence: w.evidence,
                explanation: w.explanation,
              }))
              .sort((a, b) => a.id.localeCompare(b.id)),
          ).toEqual(warnings.sort((a, b) => a.id.localeCompare(b.id)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('evaluate and explain any condition as the oracle does', () => {
    fc.assert(
      fc.property(
        entityArbitrary,
        neighboursArbitrary,
        fc.array(conditionArbitrary, { minLength: 1, maxLength: 8 }),
        (entity, neighbours, conditions) => {
          const serviceProfile = profile(
            entity as Entity,
            neighbours as ProfileNeighbours,
          );
          // Compiled together, so that they share reads as the knowledge's do.
          const compiler = new ConditionCompiler();
          const compiled = conditions.map(c => compiler.compile(c));
          const session = compiler.session(serviceProfile);
          conditions.forEach((condition, i) => {
            const expected = oracle(condition, serviceProfile);
            const { because, explanation } = session.explained(compiled[i]);
            expect({
              holds: session.holds(compiled[i]),
              evidence: because,
              explanation,
            }).toEqual(expected);
            const alone = evaluateCondition(condition, serviceProfile);
            expect(alone).toEqual({
              holds: expected.holds,
              evidence: expected.evidence,
            });
            expect(restsOnKnownValues(alone.evidence)).toBe(
              alone.evidence.some(read =>
                read.type === 'fact'
                  ? read.value !== undefined
                  : read.values.length > 0 && read.attribute !== 'lifecycle',
              ),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never warn critically without annotations, tags or neighbours', () => {
    fc.assert(
      fc.property(
        fc.record({ name: text, type: text, lifecycle: text }),
        ({ name, type, lifecycle }) => {
          const { result } = guide(
            {
              kind: 'Component',
              metadata: { name },
              spec: { type, lifecycle },
            },
            {},
          );
          expect(
            result.antipatterns.filter(a => a.severity === 'critical'),
          ).toEqual([]);
          expect(result.tellUsMore.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('handle thousands of tags and huge unicode strings', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...VOCABULARY),
            fc.string({ unit: 'grapheme' }),
          ),
          {
            minLength: 2000,
            maxLength: 4000,
          },
        ),
        tags => {
          const entity = {
            kind: 'Component',
            metadata: {
              name: '🚀'.repeat(10_000),
              tags,
              annotations: {
                'case-studies/database': tags.join(','),
                'case-studies/domain': 'ü'.repeat(100_000),
              },
            },
          };
          expect(guide(entity, {})).toEqual(guide(entity, {}));
        },
      ),
      { numRuns: 5 },
    );
  });
});
