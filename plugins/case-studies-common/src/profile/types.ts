import type { Entity } from '@backstage/catalog-model';
import type { ProfileAttribute, ProfileFact } from '../knowledge/conditions';

/** How sure the profile is of a value. @public */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * What kind of catalog data gave a value:
 * - `annotation`: a `case-studies/*` or a well-known tool annotation on the entity
 * - `tag`: one of the entity's `metadata.tags`
 * - `link`: one of the entity's `metadata.links` (e.g. its postmortems page)
 * - `spec`: a field of the entity's `spec` (`type`, `lifecycle`)
 * - `relation`: a related entity (a Resource it depends on, its System, Domain or owner group)
 * - `inference`: derived from other values by a documented rule (e.g. payments → strong consistency)
 * - `default`: a fallback value (none of the built-in rules use one)
 *
 * @public
 */
export type ProvenanceKind =
  | 'annotation'
  | 'tag'
  | 'link'
  | 'spec'
  | 'relation'
  | 'inference'
  | 'default';

/** Where a profile value came from, so the UI can answer "why am I seeing this?". @public */
export interface Provenance {
  kind: ProvenanceKind;
  /** human-readable origin, e.g. `annotation case-studies/database`, `tag pg`, `dependsOn resource:default/payments-db` */
  detail: string;
  confidence: Confidence;
}

/** One value of a profile attribute with its provenance. @public */
export interface ProfileValue {
  value: string;
  source: Provenance;
}

/** One numeric fact with its provenance. @public */
export interface ProfileFactValue {
  value: number;
  source: Provenance;
}

/**
 * Two sources disagreed on a single-valued attribute (language, domain,
 * consistency, scale, architecture, lifecycle): `kept` won by precedence,
 * `overridden` lost.
 *
 * @public
 */
export interface ProfileConflict {
  attribute: ProfileAttribute;
  kept: ProfileValue[];
  overridden: ProfileValue[];
}

/** A declared value the profile could not use, e.g. `case-studies/scale: huge`. @public */
export interface RejectedValue {
  /** where it was declared, e.g. `annotation case-studies/scale` */
  detail: string;
  value: string;
  reason: string;
}

/**
 * An annotation that would sharpen the guidance ("tell us more"): the
 * attribute is unknown, or known only from a low-confidence inference.
 *
 * @public
 */
export interface MissingAnnotation {
  attribute: ProfileAttribute;
  annotation: string;
  /** the line to paste under `metadata.annotations`, e.g. `case-studies/scale: medium` */
  yaml: string;
  /** the values the matching knows, for a closed vocabulary or as examples */
  choices: readonly string[];
  /** why it is asked for */
  why: string;
  /** `unknown`: nothing says it; `confirm`: only a low-confidence inference says it */
  state: 'unknown' | 'confirm';
}

/**
 * The service profile of one catalog entity: every attribute of the matching
 * vocabulary with the values found and where each came from. An attribute
 * with no values is unknown (never guessed).
 *
 * @public
 */
export interface ServiceProfile {
  /** `kind:namespace/name`, lower-case, best effort for malformed entities */
  entityRef: string;
  attributes: Record<ProfileAttribute, ProfileValue[]>;
  facts: Partial<Record<ProfileFact, ProfileFactValue>>;
  /** attributes with no value, in vocabulary order */
  unknown: ProfileAttribute[];
  conflicts: ProfileConflict[];
  rejected: RejectedValue[];
  /** annotations that would sharpen guidance, most useful first */
  missing: MissingAnnotation[];
}

/**
 * The catalog around an entity, as plain data, so the profile stays pure. The
 * backend fills it from catalog reads, the CLI from the other documents of the
 * file; every part is optional and malformed entities are tolerated.
 *
 * @public
 */
export interface ProfileNeighbours {
  /** Resources the entity depends on (targets of its `dependsOn` relations of kind Resource) */
  resources?: Entity[];
  /** Components the entity depends on (targets of its `dependsOn` relations of kind Component) */
  components?: Entity[];
  /** the System the entity is part of (`spec.system`) */
  system?: {
    entity?: Entity;
    /** every Component of the system (the entity itself may be included; it is counted once) */
    components?: Entity[];
    /** Resources of the system or that its components depend on; database ones give `system.databases` */
    resources?: Entity[];
  };
  /** the Domain of the entity's System (or of the entity itself) */
  domain?: Entity;
  /** the Group that owns the entity (`spec.owner`) */
  ownerGroup?: {
    entity?: Entity;
    /** direct members of the group */
    memberCount?: number;
    /** Components the group owns */
    ownedComponents?: number;
    /** Components the group owns that are deployed (see `isDeployedComponent`): no libraries, docs or websites */
    ownedServices?: number;
  };
}
