import type { ProfileAttribute } from '../knowledge/conditions';
import type { MissingAnnotation, ProfileValue } from './types';
import { vocabularyOf } from './vocabulary';

interface Ask {
  attribute: ProfileAttribute;
  annotation: string;
  example: string;
  why: string;
}

/** What to ask for, most useful for matching first. Lifecycle comes from `spec.lifecycle`, so it is not asked for. */
const ASKS: readonly Ask[] = [
  {
    attribute: 'language',
    annotation: 'case-studies/language',
    example: 'java',
    why: 'the language weighs most in finding companies like this service',
  },
  {
    attribute: 'databases',
    annotation: 'case-studies/database',
    example: 'postgres',
    why: 'databases weigh most in matching and decide the data antipatterns (or add a dependsOn to the database Resource)',
  },
  {
    attribute: 'domain',
    annotation: 'case-studies/domain',
    example: 'payments',
    why: 'the domain decides lessons such as idempotency keys for payments and infers the consistency it needs',
  },
  {
    attribute: 'architecture',
    annotation: 'case-studies/architecture',
    example: 'monolith',
    why: 'the architecture decides warnings such as microservices with strong consistency',
  },
  {
    attribute: 'scale',
    annotation: 'case-studies/scale',
    example: 'medium',
    why: 'the scale decides which companies\' "don\'t copy" caveats apply (case-studies/peak-rps or case-studies/users also give it)',
  },
  {
    attribute: 'consistency',
    annotation: 'case-studies/consistency',
    example: 'strong',
    why: 'the consistency model decides the distributed-transaction warnings',
  },
  {
    attribute: 'messaging',
    annotation: 'case-studies/messaging',
    example: 'kafka',
    why: 'the message bus, if the service uses one, matches event-driven architectures',
  },
  {
    attribute: 'caches',
    annotation: 'case-studies/caches',
    example: 'redis',
    why: 'the cache, if any, matches the caching patterns',
  },
  {
    attribute: 'deployment',
    annotation: 'case-studies/deployment',
    example: 'kubernetes',
    why: 'the deployment target decides platform caveats such as Kubernetes for small teams',
  },
  {
    attribute: 'practices',
    annotation: 'case-studies/practices',
    example: 'observability, alerting, postmortems',
    why: 'declared practices satisfy lessons and silence the warnings about their absence',
  },
];

/** The entry for an unknown attribute is the same for every entity, so it is built once (and frozen). */
const UNKNOWN_ENTRIES = new Map(
  ASKS.map(ask => [
    ask.attribute,
    Object.freeze<MissingAnnotation>({
      attribute: ask.attribute,
      annotation: ask.annotation,
      yaml: `${ask.annotation}: ${ask.example}`,
      choices: vocabularyOf(ask.attribute),
      why: ask.why,
      state: 'unknown',
    }),
  ]),
);

/**
 * The "tell us more" list: one annotation per attribute that is unknown, or
 * known only from low-confidence inferences (then the line to paste confirms
 * the inferred value).
 */
export function missingAnnotations(
  attributes: Record<ProfileAttribute, ProfileValue[]>,
): MissingAnnotation[] {
  const missing: MissingAnnotation[] = [];
  for (const ask of ASKS) {
    const values = attributes[ask.attribute];
    if (values.length === 0) {
      missing.push(UNKNOWN_ENTRIES.get(ask.attribute)!);
    } else if (values.every(v => v.source.confidence === 'low')) {
      missing.push({
        attribute: ask.attribute,
        annotation: ask.annotation,
        yaml: `${ask.annotation}: ${values.map(v => v.value).join(', ')}`,
        choices: vocabularyOf(ask.attribute),
        why: `only guessed from ${values
          .map(v => v.source.detail)
          .join('; ')}: confirm or correct it, because ${ask.why}`,
        state: 'confirm',
      });
    }
  }
  return missing;
}
