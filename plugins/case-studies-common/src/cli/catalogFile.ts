import type { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { objectAt, stringAt, viewEntity } from '../profile/entityFields';

/** A catalog file that cannot be used, with a message naming the file and the place. */
export class CatalogFileError extends Error {}

export interface CatalogDocument {
  entity: Entity;
  /** `kind:namespace/name`, lower-case */
  ref: string;
  file: string;
}

/** Every entity-shaped document of a YAML file (one with a `kind`), in order. */
export function parseCatalogFile(
  file: string,
  content: string,
): CatalogDocument[] {
  const documents = parseAllDocuments(content);
  const list = Array.isArray(documents) ? documents : [documents];
  const entities: CatalogDocument[] = [];
  for (const document of list) {
    const [error] = document.errors;
    if (error) {
      // The message ends with its position and a code frame; the position is given separately.
      const [reason] = error.message.split(/ at line \d+|\n/);
      const at = error.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      throw new CatalogFileError(`${file}: not valid YAML${where}: ${reason}`);
    }
    const data: unknown = document.toJS();
    if (data === null || data === undefined) continue;
    if (
      typeof data !== 'object' ||
      Array.isArray(data) ||
      !stringAt(objectAt(data).kind)
    ) {
      throw new CatalogFileError(
        `${file}: every document must be a catalog entity with a kind`,
      );
    }
    entities.push({ entity: data as Entity, ref: viewEntity(data).ref, file });
  }
  return entities;
}

/** The entity to profile: the one named, or the first Component, or else the first entity of the file. */
export function pickEntity(
  documents: CatalogDocument[],
  file: string,
  name?: string,
): CatalogDocument {
  const own = documents.filter(d => d.file === file);
  if (name) {
    const wanted = name.toLowerCase();
    const found = own.find(
      d => d.ref === wanted || viewEntity(d.entity).name === wanted,
    );
    if (!found) {
      throw new CatalogFileError(
        `${file}: no entity named "${name}" (found: ${own
          .map(d => d.ref)
          .join(', ')})`,
      );
    }
    return found;
  }
  const chosen = own.find(d => d.ref.startsWith('component:')) ?? own[0];
  if (!chosen)
    throw new CatalogFileError(`${file}: no catalog entity in the file`);
  return chosen;
}
