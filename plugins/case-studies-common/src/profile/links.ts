import { arrayAt, objectAt, stringAt } from './entityFields';
import type { ProfileValue } from './types';
import { canonicalValue, slug } from './vocabulary';

/** Words in a link's title that say it leads to postmortems. */
const POSTMORTEM_TITLE_WORDS = ['postmortem', 'post-mortem', 'incident-review'];

function leadsToPostmortems(type: string, title: string): boolean {
  if (type && canonicalValue('practices', slug(type)) === 'postmortems') {
    return true;
  }
  const words = slug(title);
  return POSTMORTEM_TITLE_WORDS.some(word => words.includes(word));
}

/**
 * Practices shown by the entity's `metadata.links`: a link to its
 * postmortems (type `postmortems` or a title naming them) shows they are
 * published to everyone who can read the catalog, which is what
 * `internal-postmortems` declares. Medium confidence: the link exists, who
 * may open the page behind it is not known. At most one value per practice.
 */
export function practicesFromLinks(entity: unknown): ProfileValue[] {
  for (const link of arrayAt(objectAt(objectAt(entity).metadata).links)) {
    const fields = objectAt(link);
    const type = stringAt(fields.type) ?? '';
    const title = stringAt(fields.title) ?? '';
    if (!leadsToPostmortems(type, title)) continue;
    const named = title || stringAt(fields.url) || type;
    return [
      {
        value: 'internal-postmortems',
        source: {
          kind: 'link',
          detail: `link "${named}"${type ? ` (${type})` : ''}`,
          confidence: 'medium',
        },
      },
    ];
  }
  return [];
}
