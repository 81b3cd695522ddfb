import type { Entity } from '@backstage/catalog-model';
import { isDeployedComponent } from './deployedComponents';
import {
  EntityView,
  objectAt,
  stringAt,
  stringsAt,
  viewEntity,
} from './entityFields';
import type { ProfileNeighbours } from './types';

/** `kind:namespace/name` of a reference, with the kind and namespace to assume when it has none. */
function qualify(ref: string, defaultKind: string, namespace: string): string {
  const lower = ref.toLowerCase();
  const colon = lower.indexOf(':');
  const kind = colon > 0 ? lower.slice(0, colon) : defaultKind;
  const rest = colon > 0 ? lower.slice(colon + 1) : lower;
  return rest.includes('/')
    ? `${kind}:${rest}`
    : `${kind}:${namespace}/${rest}`;
}

interface Related {
  entity: Entity;
  view: EntityView;
}

/** Whether a related entity's own reference field (e.g. `spec.system`) points at `ref`. */
function refersTo(
  related: Related,
  field: string,
  kind: string,
  ref: string,
): boolean {
  const value = stringAt(related.view.spec[field]);
  return (
    value !== undefined && qualify(value, kind, related.view.namespace) === ref
  );
}

/**
 * The neighbours of an entity found among other entities, for an entity that
 * is not in the catalog (`POST /match` with `relatedEntities`, or the CLI
 * with the other documents of a file): the Resources and Components in its
 * `spec.dependsOn`, its System (`spec.system`) with the System's Components
 * and their Resources, the System's Domain, and its owner Group with its
 * members and owned Components. The owner group is only reported when the
 * Group itself is among the entities, so counts are never made up from a
 * partial list. Pure; tolerates any JSON.
 *
 * @public
 */
export function neighboursFromEntities(
  entity: Entity,
  relatedEntities: Entity[],
): ProfileNeighbours {
  const self = viewEntity(entity);
  const related: Related[] = (
    Array.isArray(relatedEntities) ? relatedEntities : []
  )
    .map(candidate => ({ entity: candidate, view: viewEntity(candidate) }))
    .filter(candidate => candidate.view.ref !== self.ref);
  const byRef = new Map(related.map(r => [r.view.ref, r]));
  const ofKind = (kind: string) => related.filter(r => r.view.kind === kind);

  const dependencies = stringsAt(self.spec.dependsOn).map(ref =>
    qualify(ref, 'component', self.namespace),
  );
  const dependenciesOfKind = (kind: string) =>
    dependencies
      .filter(ref => ref.startsWith(`${kind}:`))
      .map(ref => byRef.get(ref)?.entity)
      .filter((found): found is Entity => found !== undefined);
  const neighbours: ProfileNeighbours = {
    resources: dependenciesOfKind('resource'),
    components: dependenciesOfKind('component'),
  };

  const systemName = stringAt(self.spec.system);
  const systemRef =
    self.kind === 'system'
      ? self.ref
      : systemName && qualify(systemName, 'system', self.namespace);
  if (systemRef) {
    const members = ofKind('component').filter(c =>
      refersTo(c, 'system', 'system', systemRef),
    );
    const resources = new Map<string, Entity>();
    for (const resource of ofKind('resource')) {
      if (refersTo(resource, 'system', 'system', systemRef)) {
        resources.set(resource.view.ref, resource.entity);
      }
    }
    for (const component of [...members, { entity, view: self }]) {
      for (const ref of stringsAt(component.view.spec.dependsOn)) {
        const found = byRef.get(
          qualify(ref, 'resource', component.view.namespace),
        );
        if (found?.view.kind === 'resource') {
          resources.set(found.view.ref, found.entity);
        }
      }
    }
    const systemEntity = byRef.get(systemRef);
    neighbours.system = {
      entity: systemEntity?.entity,
      components: members.map(m => m.entity),
      resources: [...resources.values()],
    };
    const domainName =
      stringAt(systemEntity?.view.spec.domain) ?? stringAt(self.spec.domain);
    const domain =
      domainName && byRef.get(qualify(domainName, 'domain', self.namespace));
    if (domain) neighbours.domain = domain.entity;
  }

  const ownerName = stringAt(self.spec.owner);
  const ownerRef = ownerName && qualify(ownerName, 'group', self.namespace);
  const group = ownerRef ? byRef.get(ownerRef) : undefined;
  if (ownerRef && group) {
    const members = new Set(
      stringsAt(objectAt(group.view.spec).members).map(member =>
        qualify(member, 'user', group.view.namespace),
      ),
    );
    for (const user of ofKind('user')) {
      const memberOf = stringsAt(user.view.spec.memberOf);
      if (
        memberOf.some(
          g => qualify(g, 'group', user.view.namespace) === ownerRef,
        )
      ) {
        members.add(user.view.ref);
      }
    }
    const owned = [...ofKind('component'), { entity, view: self }].filter(
      c =>
        c.view.kind === 'component' && refersTo(c, 'owner', 'group', ownerRef),
    );
    neighbours.ownerGroup = {
      entity: group.entity,
      memberCount: members.size,
      ownedComponents: owned.length,
      ownedServices: owned.filter(c => isDeployedComponent(c.entity)).length,
    };
  }
  return neighbours;
}
