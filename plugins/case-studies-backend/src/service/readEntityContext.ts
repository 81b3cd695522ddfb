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
    { entityRefs: [...new Set(refs)] },
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

  const [dependencies, system, owner] = await Promise.all([
    entitiesByRefs(catalog, dependencyRefs, credentials),
    systemRef ? readSystem(catalog, systemRef, credentials) : undefined,
    ownerRef ? readOwnerGroup(catalog, ownerRef, credentials) : undefined,
  ]);

  return {
    entity,
    entityRef,
    neighbours: {
      resources: dependencies.filter(e => e.kind.toLowerCase() === 'resource'),
      components: dependencies.filter(
        e => e.kind.toLowerCase() === 'component',
      ),
      system: system?.system,
      domain: system?.domain,
      ownerGroup: owner,
    },
  };
}

async function readSystem(
  catalog: CatalogService,
  systemRef: string,
  credentials: BackstageCredentials,
): Promise<Pick<ProfileNeighbours, 'system' | 'domain'>> {
  const [systemEntity, componentsResponse] = await Promise.all([
    catalog.getEntityByRef(systemRef, { credentials }),
    catalog.getEntities(
      {
        filter: { kind: 'Component', 'relations.partOf': systemRef },
        fields: ['kind', 'metadata', 'spec', 'relations'],
      },
      { credentials },
    ),
  ]);
  const components = componentsResponse.items;
  const resourceRefs = components
    .flatMap(component => relationTargets(component, RELATION_DEPENDS_ON))
    .filter(target => kindOf(target) === 'resource');
  const domainRef = relationTargets(systemEntity, RELATION_PART_OF).find(
    target => kindOf(target) === 'domain',
  );
  const [resources, domain] = await Promise.all([
    entitiesByRefs(catalog, resourceRefs, credentials),
    domainRef
      ? catalog.getEntityByRef(domainRef, { credentials })
      : Promise.resolve(undefined),
  ]);
  return {
    system: { entity: systemEntity, components, resources },
    domain,
  };
}

async function readOwnerGroup(
  catalog: CatalogService,
  groupRef: string,
  credentials: BackstageCredentials,
): Promise<ProfileNeighbours['ownerGroup']> {
  const [group, ownedComponents] = await Promise.all([
    catalog.getEntityByRef(groupRef, { credentials }),
    countEntities(
      catalog,
      { kind: 'Component', 'relations.ownedBy': groupRef },
      credentials,
    ),
  ]);
  return {
    entity: group,
    memberCount: group
      ? relationTargets(group, RELATION_HAS_MEMBER).length
      : undefined,
    ownedComponents,
  };
}
