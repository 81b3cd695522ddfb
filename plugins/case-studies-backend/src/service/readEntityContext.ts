import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEPLOYED_COMPONENT_TYPES,
  isDeployedComponent,
  ProfileNeighbours,
} from '@case-studies/plugin-case-studies-common';
import { normalisedRef } from './entityRefs';

/** An entity with the catalog around it, as the profile needs it. */
export interface EntityContext {
  entity: Entity;
  entityRef: string;
  neighbours: ProfileNeighbours;
}

/**
 * Batched catalog reads: how many refs one `getEntitiesByRefs` call names, and
 * how many entities one `queryEntities` page holds, at most. Large roll-ups
 * take several bounded calls per round instead of one unbounded read.
 */
export const CATALOG_BATCH_SIZE = 500;

/** What the profile reads of neighbouring entities; keeps responses small. */
export const NEIGHBOUR_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.tags',
  'metadata.annotations',
  'spec',
  'relations',
];

export function relationTargets(
  entity: Entity | undefined,
  type: string,
): string[] {
  return (entity?.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);
}

export function kindOfRef(ref: string): string {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
  } catch {
    return '';
  }
}

function isKind(entity: Entity, kind: string): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === kind;
}

function chunks<T>(items: T[], size = CATALOG_BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

function distinct(refs: string[]): string[] {
  const seen = new Map<string, string>();
  for (const ref of refs) {
    if (!seen.has(normalisedRef(ref))) seen.set(normalisedRef(ref), ref);
  }
  return [...seen.values()];
}

/**
 * The entities with the given refs that the caller may see, in bounded
 * `getEntitiesByRefs` calls.
 */
export async function entitiesByRefs(
  catalog: CatalogService,
  refs: string[],
  credentials: BackstageCredentials,
  /** `full` reads whole entities */
  fields: string[] | 'full' = NEIGHBOUR_FIELDS,
): Promise<Entity[]> {
  const pages = await Promise.all(
    chunks(distinct(refs)).map(entityRefs =>
      catalog.getEntitiesByRefs(
        { entityRefs, fields: fields === 'full' ? undefined : fields },
        { credentials },
      ),
    ),
  );
  return pages.flatMap(page =>
    page.items.filter((item): item is Entity => Boolean(item)),
  );
}

/**
 * The entities matching a catalog filter, one page of at most
 * {@link CATALOG_BATCH_SIZE} at a time with the catalog's cursor, so that a
 * caller going through the whole catalog holds one page at once.
 */
export async function* entityPages(
  catalog: CatalogService,
  query: { filter: Record<string, string | string[]>; fields?: string[] },
  credentials: BackstageCredentials,
): AsyncGenerator<Entity[]> {
  let response = await catalog.queryEntities(
    { filter: query.filter, fields: query.fields, limit: CATALOG_BATCH_SIZE },
    { credentials },
  );
  yield response.items;
  while (response.pageInfo.nextCursor) {
    response = await catalog.queryEntities(
      {
        cursor: response.pageInfo.nextCursor,
        fields: query.fields,
        limit: CATALOG_BATCH_SIZE,
      },
      { credentials },
    );
    yield response.items;
  }
}

/**
 * Every entity of the given kinds matching a filter, page by page with the
 * catalog's cursor. The one filter field that takes many values (e.g. a list
 * of owners) is split into bounded lists, so no request grows with the
 * organisation.
 */
export async function queryAllEntities(
  catalog: CatalogService,
  options: {
    kinds: string[];
    /** filter fields with one value each */
    filter?: Record<string, string>;
    /** the filter field that matches any of many values */
    anyOf?: { field: string; values: string[] };
    fields?: string[];
  },
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const kinds = options.kinds.map(kind => kind.toLocaleLowerCase('en-US'));
  const valueLists = options.anyOf
    ? chunks(distinct(options.anyOf.values), 100)
    : [undefined];
  const results = await Promise.all(
    valueLists.map(async values => {
      const filter: Record<string, string | string[]> = {
        ...(options.anyOf && values ? { [options.anyOf.field]: values } : {}),
        ...options.filter,
        kind: kinds,
      };
      const items: Entity[] = [];
      for await (const page of entityPages(
        catalog,
        { filter, fields: options.fields },
        credentials,
      )) {
        items.push(...page);
      }
      return items;
    }),
  );
  // An entity matching two of the values comes back from two chunks. The kind
  // is checked again because the test utilities' in-memory catalog applies
  // only the first list-valued filter field.
  const byRef = new Map<string, Entity>();
  for (const entity of results.flat()) {
    if (kinds.includes(entity.kind.toLocaleLowerCase('en-US'))) {
      byRef.set(normalisedRef(stringifyEntityRef(entity)), entity);
    }
  }
  return [...byRef.values()];
}

/** How many Components an owner has, and how many of them are deployed (see `isDeployedComponent`). */
export interface OwnedComponents {
  components: number;
  services: number;
}

/** Adds a component to its owners' counts, for callers that read every component of those owners. */
export function countOwnedComponent(
  counts: Map<string, OwnedComponents>,
  ownerKey: string,
  component: Entity,
): void {
  const count = counts.get(ownerKey) ?? { components: 0, services: 0 };
  count.components += 1;
  if (isDeployedComponent(component)) count.services += 1;
  counts.set(ownerKey, count);
}

async function countComponentsOwnedBy(
  catalog: CatalogService,
  ownerRef: string,
  credentials: BackstageCredentials,
): Promise<OwnedComponents> {
  const count = (filter: Record<string, string | string[]>) =>
    catalog
      .queryEntities(
        {
          filter: {
            kind: 'Component',
            'relations.ownedBy': ownerRef,
            ...filter,
          },
          limit: 1,
          fields: ['metadata.name'],
        },
        { credentials },
      )
      .then(response => response.totalItems);
  const [components, services] = await Promise.all([
    count({}),
    count({ 'spec.type': [...DEPLOYED_COMPONENT_TYPES] }),
  ]);
  return { components, services };
}

/** The catalog facts one entity's profile reads, before they are assembled. */
interface Plan {
  entity: Entity;
  entityRef: string;
  dependencyRefs: string[];
  systemRef?: string;
  ownerRef?: string;
}

function planOf(entity: Entity): Plan {
  const entityRef = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return {
    entity,
    entityRef,
    dependencyRefs: relationTargets(entity, RELATION_DEPENDS_ON),
    systemRef:
      kind === 'system'
        ? entityRef
        : relationTargets(entity, RELATION_PART_OF).find(
            target => kindOfRef(target) === 'system',
          ),
    ownerRef:
      kind === 'group'
        ? entityRef
        : relationTargets(entity, RELATION_OWNED_BY).find(
            target => kindOfRef(target) === 'group',
          ),
  };
}

/**
 * Reads the neighbours of many entities at once (the resources and
 * components they depend on, their systems with the systems' components and
 * those components' resources, the systems' domains, the owner groups with
 * member and component counts) with the caller's credentials, in two rounds
 * of batched calls whatever the number of entities, and assembles the same
 * context for each as reading it alone would.
 *
 * `known` entities (e.g. the roll-up's own, already read in full) are not
 * read again; `ownedComponents` gives component (and deployed component)
 * counts of owners whose components the caller has already read in full.
 *
 * @returns the context of every entity, keyed by {@link normalisedRef} of its ref
 */
export async function readEntityContexts(options: {
  catalog: CatalogService;
  entities: Entity[];
  credentials: BackstageCredentials;
  known?: Entity[];
  ownedComponents?: ReadonlyMap<string, OwnedComponents>;
}): Promise<Map<string, EntityContext>> {
  const { catalog, credentials } = options;
  const plans = options.entities.map(planOf);
  const byKey = new Map<string, Entity>();
  const remember = (entity: Entity) =>
    byKey.set(normalisedRef(stringifyEntityRef(entity)), entity);
  for (const entity of options.known ?? []) remember(entity);
  for (const plan of plans) remember(plan.entity);
  const find = (ref: string | undefined) =>
    ref === undefined ? undefined : byKey.get(normalisedRef(ref));

  const systemRefs = distinct(
    plans.flatMap(plan => (plan.systemRef ? [plan.systemRef] : [])),
  );
  const ownerRefs = distinct(
    plans.flatMap(plan => (plan.ownerRef ? [plan.ownerRef] : [])),
  );
  const ownedComponents = new Map<string, OwnedComponents>();
  for (const [ref, count] of options.ownedComponents ?? []) {
    ownedComponents.set(normalisedRef(ref), count);
  }
  const ownersToCount = ownerRefs.filter(
    ref => !ownedComponents.has(normalisedRef(ref)),
  );

  // Round one: direct neighbours, the systems' components, owner counts.
  const directRefs = plans
    .flatMap(plan => [
      ...plan.dependencyRefs,
      ...(plan.systemRef ? [plan.systemRef] : []),
      ...(plan.ownerRef ? [plan.ownerRef] : []),
    ])
    .filter(ref => !find(ref));
  const [direct, systemComponents, counts] = await Promise.all([
    entitiesByRefs(catalog, directRefs, credentials),
    systemRefs.length === 0
      ? Promise.resolve([])
      : queryAllEntities(
          catalog,
          {
            kinds: ['component'],
            anyOf: { field: 'relations.partOf', values: systemRefs },
            fields: NEIGHBOUR_FIELDS,
          },
          credentials,
        ),
    Promise.all(
      ownersToCount.map(
        async ref =>
          [
            normalisedRef(ref),
            await countComponentsOwnedBy(catalog, ref, credentials),
          ] as const,
      ),
    ),
  ]);
  for (const entity of direct) remember(entity);
  for (const [key, count] of counts) ownedComponents.set(key, count);

  const componentsBySystem = new Map<string, Entity[]>(
    systemRefs.map(ref => [normalisedRef(ref), []]),
  );
  for (const component of systemComponents) {
    // The catalog matched any of the systems: file it under each it is part of.
    for (const target of relationTargets(component, RELATION_PART_OF)) {
      componentsBySystem.get(normalisedRef(target))?.push(component);
    }
  }

  // Round two: the resources of the systems' components, and the domains.
  const domainOf = new Map<string, string>();
  for (const ref of systemRefs) {
    const domainRef = relationTargets(find(ref), RELATION_PART_OF).find(
      target => kindOfRef(target) === 'domain',
    );
    if (domainRef) domainOf.set(normalisedRef(ref), domainRef);
  }
  const resourceRefsOfSystem = new Map<string, string[]>();
  for (const ref of systemRefs) {
    resourceRefsOfSystem.set(
      normalisedRef(ref),
      (componentsBySystem.get(normalisedRef(ref)) ?? [])
        .flatMap(component => relationTargets(component, RELATION_DEPENDS_ON))
        .filter(target => kindOfRef(target) === 'resource'),
    );
  }
  const third = await entitiesByRefs(
    catalog,
    [...[...resourceRefsOfSystem.values()].flat(), ...domainOf.values()].filter(
      ref => !find(ref),
    ),
    credentials,
  );
  for (const entity of third) remember(entity);

  const contexts = new Map<string, EntityContext>();
  for (const plan of plans) {
    const systemKey = plan.systemRef
      ? normalisedRef(plan.systemRef)
      : undefined;
    const dependencies = plan.dependencyRefs
      .map(find)
      .filter((e): e is Entity => Boolean(e));
    const group = find(plan.ownerRef);
    const owned = plan.ownerRef
      ? ownedComponents.get(normalisedRef(plan.ownerRef))
      : undefined;
    const systemResources = systemKey
      ? distinct(resourceRefsOfSystem.get(systemKey) ?? [])
          .map(find)
          .filter((e): e is Entity => Boolean(e) && isKind(e!, 'resource'))
      : [];
    contexts.set(normalisedRef(plan.entityRef), {
      entity: plan.entity,
      entityRef: plan.entityRef,
      neighbours: {
        resources: dependencies.filter(e => isKind(e, 'resource')),
        components: dependencies.filter(e => isKind(e, 'component')),
        system: systemKey
          ? {
              entity: find(plan.systemRef),
              components: componentsBySystem.get(systemKey),
              resources: systemResources,
            }
          : undefined,
        domain: systemKey ? find(domainOf.get(systemKey)) : undefined,
        ownerGroup: plan.ownerRef
          ? {
              entity: group,
              memberCount: group
                ? relationTargets(group, RELATION_HAS_MEMBER).length
                : undefined,
              ownedComponents: owned?.components,
              ownedServices: owned?.services,
            }
          : undefined,
      },
    });
  }
  return contexts;
}

/**
 * Reads one entity and its neighbours with the caller's credentials: the
 * entity, then the same two rounds as for many. An entity the caller cannot
 * see is reported as not found, as the catalog does.
 */
export async function readEntityContext(options: {
  catalog: CatalogService;
  ref: CompoundEntityRef;
  credentials: BackstageCredentials;
}): Promise<EntityContext> {
  const { catalog, ref, credentials } = options;
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${stringifyEntityRef(ref)} found`);
  }
  const contexts = await readEntityContexts({
    catalog,
    entities: [entity],
    credentials,
  });
  return contexts.get(normalisedRef(stringifyEntityRef(entity)))!;
}
