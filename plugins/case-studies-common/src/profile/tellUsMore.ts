import {
  attributeDefinition,
  PROFILE_ATTRIBUTES,
  ProfileAttribute,
} from './attributes';
import type { MissingAnnotation, ProfileValue } from './types';
import { vocabularyOf } from './vocabulary';

interface Ask {
  attribute: ProfileAttribute;
  order: number;
  annotation: string;
  example: string;
  why: string;
}

/** What to ask for, most useful for matching first (the registry's `ask.order`). */
const ASKS: readonly Ask[] = PROFILE_ATTRIBUTES.flatMap(attribute => {
  const { ask } = attributeDefinition(attribute);
  return ask ? [{ attribute, ...ask }] : [];
}).sort((a, b) => a.order - b.order);

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
