import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { loadKnowledge } from '../cli';
import type { KnowledgeBase } from '../knowledge/schema';
import { profile } from '../profile/profile';
import type { ProfileNeighbours } from '../profile/types';
import { automaticEvidence } from './automaticEvidence';
import { evaluateCondition, restsOnKnownValues } from './evaluateCondition';
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

  it('agree with evaluating each condition on its own', () => {
    // `guidance` compiles the knowledge once and shares the outputs of
    // conditions that read nothing the profile knows; each entry must still
    // get exactly what its condition says for this profile.
    fc.assert(
      fc.property(
        entityArbitrary,
        neighboursArbitrary,
        (entity, neighbours) => {
          const { serviceProfile, result } = guide(entity, neighbours);
          const evaluate = (entry: {
            appliesWhen: Parameters<typeof evaluateCondition>[0];
          }) => evaluateCondition(entry.appliesWhen, serviceProfile);
          const expectApplicable = (
            entries: { id: string; appliesWhen: any }[],
            outputs: { id: string; because: unknown }[],
          ) => {
            const outputsById = new Map(
              outputs.map(output => [output.id, output]),
            );
            for (const entry of entries) {
              const { holds, evidence } = evaluate(entry);
              expect(outputsById.get(entry.id)?.because).toEqual(
                holds ? evidence : undefined,
              );
            }
          };
          expectApplicable(knowledge.lessons, result.lessons);
          expectApplicable(knowledge.patterns, result.patterns);
          for (const item of knowledge.checklist) {
            const { holds, evidence } = evaluate(item);
            const output = result.checklist.find(i => i.id === item.id)!;
            expect([output.applies, output.because]).toEqual([holds, evidence]);
          }
          for (const company of result.companies) {
            const caveats = knowledge.companies
              .find(c => c.id === company.id)!
              .dontCopyWhen.flatMap(caveat => {
                const { holds, evidence } = evaluateCondition(
                  caveat.when,
                  serviceProfile,
                );
                return holds ? [{ text: caveat.text, because: evidence }] : [];
              });
            expect(
              company.caveats.map(caveat => ({
                text: caveat.text,
                because: caveat.because,
              })),
            ).toEqual(caveats);
          }
          const warned = knowledge.antipatterns
            .filter(antipattern => {
              const { holds, evidence } = evaluateCondition(
                antipattern.detect,
                serviceProfile,
              );
              return holds && restsOnKnownValues(evidence);
            })
            .map(antipattern => antipattern.id);
          expect(result.antipatterns.map(w => w.id).sort()).toEqual(
            warned.sort(),
          );
        },
      ),
      { numRuns: 200 },
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
