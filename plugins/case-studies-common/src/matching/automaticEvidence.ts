import type { Entity } from '@backstage/catalog-model';
import type { AutomaticEvidence, ChecklistItem } from '../knowledge/schema';
import {
  arrayAt,
  objectAt,
  stringAt,
  stringsAt,
} from '../profile/entityFields';

/** A declared evidence rule that the entity satisfies, and how. @public */
export interface AutomaticEvidenceMatch {
  evidence: AutomaticEvidence;
  /** what in the entity satisfied it, e.g. `annotation pagerduty.com/service-id`, `link "Runbook" (runbook)` */
  detail: string;
}

/** @public */
export interface AutomaticEvidenceResult {
  /** true when any declared evidence is present */
  satisfied: boolean;
  matches: AutomaticEvidenceMatch[];
}

/**
 * Relations that an entity as written (before the catalog processed it) only
 * has as spec fields, with the kind a reference without one defaults to:
 * `dependsOn` is `spec.dependsOn`, `partOf` is `spec.system`, and so on.
 */
const RELATION_SPEC_FIELDS: Record<string, { field: string; kind?: string }> = {
  dependsOn: { field: 'dependsOn' },
  providesApi: { field: 'providesApis', kind: 'api' },
  consumesApi: { field: 'consumesApis', kind: 'api' },
  ownedBy: { field: 'owner', kind: 'group' },
  partOf: { field: 'system', kind: 'system' },
};

function lower(text: string): string {
  return text.toLowerCase();
}

/** The kind of an entity reference, lower-case, or undefined when the ref has none. */
function refKind(ref: string): string | undefined {
  const colon = ref.indexOf(':');
  return colon > 0 ? lower(ref.slice(0, colon)) : undefined;
}

function findMatch(
  entity: unknown,
  evidence: AutomaticEvidence,
): string | undefined {
  const root = objectAt(entity);
  const metadata = objectAt(root.metadata);
  if ('annotation' in evidence) {
    const value = stringAt(objectAt(metadata.annotations)[evidence.annotation]);
    return value !== undefined && value.trim() !== ''
      ? `annotation ${evidence.annotation}`
      : undefined;
  }
  if ('tag' in evidence) {
    const tag = stringsAt(metadata.tags).find(t => lower(t) === evidence.tag);
    return tag ? `tag ${tag}` : undefined;
  }
  if ('link' in evidence) {
    const { type, titleIncludes } = evidence.link;
    for (const link of arrayAt(metadata.links)) {
      const fields = objectAt(link);
      const linkType = stringAt(fields.type) ?? '';
      const title = stringAt(fields.title) ?? '';
      const url = stringAt(fields.url) ?? '';
      if (type !== undefined && lower(linkType) !== lower(type)) continue;
      if (
        titleIncludes !== undefined &&
        !lower(title).includes(lower(titleIncludes))
      ) {
        continue;
      }
      return `link "${title || url}"${linkType ? ` (${linkType})` : ''}`;
    }
    return undefined;
  }
  const { type, targetKind } = evidence.relation;
  const wantedKind = targetKind === undefined ? undefined : lower(targetKind);
  const targets = arrayAt(root.relations)
    .map(objectAt)
    .filter(relation => stringAt(relation.type) === type)
    .map(relation => stringAt(relation.targetRef) ?? '');
  const specField = RELATION_SPEC_FIELDS[type];
  if (specField) {
    const fieldValue = objectAt(root.spec)[specField.field];
    const single = stringAt(fieldValue);
    for (const ref of single ? [single] : stringsAt(fieldValue)) {
      targets.push(
        refKind(ref) || !specField.kind ? ref : `${specField.kind}:${ref}`,
      );
    }
  }
  const target = targets.find(
    ref => wantedKind === undefined || refKind(ref) === wantedKind,
  );
  return target ? `relation ${type} ${target}` : undefined;
}

/**
 * Which of a checklist item's declared automatic evidence the entity has: an
 * annotation with a value, a tag, a link of a type or whose title includes a
 * text, a relation of a type (to a kind). Reads `relations` of a catalog
 * entity and, for an entity as written, the matching spec fields. Pure;
 * tolerates any JSON.
 *
 * @public
 */
export function automaticEvidence(
  entity: Entity,
  item: Pick<ChecklistItem, 'evidence'>,
): AutomaticEvidenceResult {
  const matches: AutomaticEvidenceMatch[] = [];
  for (const evidence of item.evidence ?? []) {
    const detail = findMatch(entity, evidence);
    if (detail !== undefined) matches.push({ evidence, detail });
  }
  return { satisfied: matches.length > 0, matches };
}
