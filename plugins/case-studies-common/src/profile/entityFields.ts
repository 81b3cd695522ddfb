/**
 * Readers for entity-shaped JSON that may be anything: every reader returns a
 * well-typed empty value instead of throwing on a missing field or a wrong type.
 */

type JsonObject = Record<string, unknown>;

const EMPTY: JsonObject = Object.freeze({}) as JsonObject;

export function objectAt(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : EMPTY;
}

export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function stringsAt(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  // Usually every item is a string: then the array itself will do (it is only read).
  for (const item of value) {
    if (typeof item !== 'string') {
      return value.filter((i): i is string => typeof i === 'string');
    }
  }
  return value;
}

export function arrayAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A finite non-negative count, or undefined. */
export function countAt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : undefined;
}

/** The parts of an entity the profile reads, all defaulted. */
export interface EntityView {
  kind: string;
  namespace: string;
  name: string;
  ref: string;
  annotations: JsonObject;
  tags: readonly string[];
  spec: JsonObject;
}

export function viewEntity(entity: unknown): EntityView {
  const root = objectAt(entity);
  const metadata = objectAt(root.metadata);
  const kind = (stringAt(root.kind) ?? 'unknown').toLowerCase();
  const namespace = (stringAt(metadata.namespace) || 'default').toLowerCase();
  const name = (stringAt(metadata.name) ?? 'unnamed').toLowerCase();
  return {
    kind,
    namespace,
    name,
    ref: `${kind}:${namespace}/${name}`,
    annotations: objectAt(metadata.annotations),
    tags: stringsAt(metadata.tags),
    spec: objectAt(root.spec),
  };
}

/** The name part of an entity reference such as `system:default/payments` or `payments`. */
export function refName(ref: string): string {
  const afterKind = ref.slice(ref.indexOf(':') + 1);
  return afterKind.slice(afterKind.indexOf('/') + 1).toLowerCase();
}
