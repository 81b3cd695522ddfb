import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import type {
  ChecklistCategory,
  ChecklistStatus,
  Severity,
} from '@case-studies/plugin-case-studies-common';

/** Checklist categories in the order the tab shows them, with their headings. */
export const CATEGORY_LABELS: Record<ChecklistCategory, string> = {
  'dora-metrics': 'DORA metrics',
  'dora-capabilities': 'DORA capabilities',
  postmortem: 'Postmortem practice',
  resilience: 'Resilience',
  architecture: 'Architecture',
  practices: 'Practices',
};

export const CATEGORY_ORDER = Object.keys(
  CATEGORY_LABELS,
) as ChecklistCategory[];

export const STATUS_LABELS: Record<ChecklistStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  'not-applicable': 'Not applicable',
};

export const STATUS_ORDER = Object.keys(STATUS_LABELS) as ChecklistStatus[];

/** Most severe first. */
export const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

export function bySeverity<T extends { severity: Severity }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
}

/** `alice` for `user:default/alice`, the ref itself when it is not one. */
export function displayName(ref: string | undefined): string {
  if (!ref) return 'someone';
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'user' });
  } catch {
    return ref;
  }
}

/** The entity's owners as full refs: `spec.owner` and `ownedBy` relations, without repeats. */
export function ownersOf(entity: Entity): string[] {
  const namespace = entity.metadata.namespace ?? 'default';
  const owners = new Set<string>();
  const specOwner = entity.spec?.owner;
  if (typeof specOwner === 'string' && specOwner) {
    try {
      const ref = parseEntityRef(specOwner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      });
      owners.add(stringifyEntityRef(ref).toLocaleLowerCase('en-US'));
    } catch {
      owners.add(specOwner);
    }
  }
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_OWNED_BY) {
      owners.add(relation.targetRef.toLocaleLowerCase('en-US'));
    }
  }
  return [...owners];
}

/** `payments-team`, `user:alice`: owners as people read them. */
export function ownerNames(owners: string[]): string {
  if (owners.length === 0) return 'nobody (the entity declares no owner)';
  return owners
    .map(ref => {
      try {
        return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
      } catch {
        return ref;
      }
    })
    .join(', ');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** `3 days ago`, `just now`; the ISO string itself when it cannot be read. */
export function relativeTime(
  iso: string | undefined,
  now = Date.now(),
): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(seconds, 'second');
}

/** A full, local date and time for tooltips next to relative times. */
export function absoluteTime(iso: string | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString();
}

const DAY_FORMAT = new Intl.DateTimeFormat('en', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `Apr 15, 2026` for a snapshot day (`2026-04-15`, a UTC day); the text itself when it is not one. */
export function formatDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? day : DAY_FORMAT.format(time);
}
