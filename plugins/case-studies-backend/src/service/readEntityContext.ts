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
import { ProfileNeighbours } from '@case-studies/plugin-case-studies-common';

/** An entity with the catalog around it, as the profile needs it. */
export interface EntityContext {
  entity: Entity;
  entityRef: string;
  neighbours: ProfileNeighbours;
}

function relationTargets(entity: Entity | undefined, type: string): string[] {
  return (entity?.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);
}

/** What the profile reads of neighbouring entities; keeps responses small. */
const NEIGHBOUR_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.tags',
  'metadata.annotations',
  'spec',
  'relations',
];

function isKind(entity: Entity, kind: string): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === kind;
}

function kindOf(ref: string): string {
  return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
}

async function entitiesByRefs(
  catalog: CatalogService,
  refs: string[],
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  if (refs.length === 0) return [];
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: [...new Set(refs)], fields: NEIGHBOUR_FIELDS },
    { credentials },
  );
  return items.filter((item): item is Entity => Boolean(item));
}

async function countEntities(
  catalog: CatalogService,
  filter: Record<string, string>,
  credentials: BackstageCredentials,
): Promise<number> {
  const { totalItems } = await catalog.queryEntities(
    { filter, limit: 1, fields: ['metadata.name'] },
    { credentials },
  );
  return totalItems;
}

/**
 * Reads an entity and its neighbours (the resources and components it depends
 * on, its system with the system's components and their databases, its
 * domain, its owner group with member and component counts) with the
 * caller's credentials, so a caller sees only what the catalog lets them see.
 * An entity the caller cannot see is reported as not found, as the catalog does.
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
  const entityRef = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');

  const dependencyRefs = relationTargets(entity, RELATION_DEPENDS_ON);
  const systemRef =
    kind === 'system'
      ? entityRef
      : relationTargets(entity, RELATION_PART_OF).find(
          target => kindOf(target) === 'system',
        );
  const ownerRef =
    kind === 'group'
      ? entityRef
      : relationTargets(entity, RELATION_OWNED_BY).find(
          target => kindOf(target) === 'group',
        );

  // Three rounds of catalog reads: the entity; then its direct neighbours, the
  // system's components and the owner's component count together; then the
  // resources of the system's components and the domain.
  const [direct, systemComponents, ownedComponents] = await Promise.all([
    entitiesByRefs(
      catalog,
      [...dependencyRefs, systemRef, ownerRef].filter(
        (target): target is string => Boolean(target) && target !== entityRef,
      ),
      credentials,
    ),
    systemRef
      ? catalog
          .getEntities(
            {
              filter: { kind: 'Component', 'relations.partOf': systemRef },
              fields: NEIGHBOUR_FIELDS,
            },
            { credentials },
          )
          .then(response => response.items)
      : Promise.resolve(undefined),
    ownerRef
      ? countEntities(
          catalog,
          { kind: 'Component', 'relations.ownedBy': ownerRef },
          credentials,
        )
      : Promise.resolve(undefined),
  ]);

  const byRef = new Map(direct.map(e => [stringifyEntityRef(e), e]));
  byRef.set(entityRef, entity);
  const systemEntity = systemRef ? byRef.get(systemRef) : undefined;
  const group = ownerRef ? byRef.get(ownerRef) : undefined;
  const dependencies = dependencyRefs
    .map(target => byRef.get(target))
    .filter((e): e is Entity => Boolean(e));

  const systemResourceRefs = (systemComponents ?? [])
    .flatMap(component => relationTargets(component, RELATION_DEPENDS_ON))
    .filter(target => kindOf(target) === 'resource');
  const domainRef = relationTargets(systemEntity, RELATION_PART_OF).find(
    target => kindOf(target) === 'domain',
  );
  const third = await entitiesByRefs(
    catalog,
    [...systemResourceRefs, ...(domainRef ? [domainRef] : [])],
    credentials,
  );
  const domain = domainRef
    ? third.find(e => stringifyEntityRef(e) === domainRef)
    : undefined;

  return {
    entity,
    entityRef,
    neighbours: {
      resources: dependencies.filter(e => isKind(e, 'resource')),
      components: dependencies.filter(e => isKind(e, 'component')),
      system: systemRef
        ? {
            entity: systemEntity,
            components: systemComponents,
            resources: third.filter(e => isKind(e, 'resource')),
          }
        : undefined,
      domain,
      ownerGroup: ownerRef
        ? {
            entity: group,
            memberCount: group
              ? relationTargets(group, RELATION_HAS_MEMBER).length
              : undefined,
            ownedComponents,
          }
        : undefined,
    },
  };
}
