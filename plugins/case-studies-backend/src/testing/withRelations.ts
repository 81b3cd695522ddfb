import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';

function refsAt(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  return [];
}

/**
 * Adds the relations the catalog's processors would derive from `spec`
 * (owner, system, domain, dependsOn, parent and children, memberOf), in both
 * directions, for tests and benchmarks that serve entities from the
 * in-memory catalog, which stores entities as given.
 */
export function withRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, { type: string; targetRef: string }[]>();
  const add = (from: string, type: string, to: string) => {
    const list = relations.get(from) ?? [];
    if (!list.some(r => r.type === type && r.targetRef === to)) {
      list.push({ type, targetRef: to });
    }
    relations.set(from, list);
  };
  const both = (
    from: string,
    type: string,
    to: string,
    reverse: string,
  ): void => {
    add(from, type, to);
    add(to, reverse, from);
  };

  for (const entity of entities) {
    const self = stringifyEntityRef(entity);
    const namespace = entity.metadata.namespace ?? 'default';
    const ref = (value: string, defaultKind: string) =>
      stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
      );
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    for (const owner of refsAt(spec.owner)) {
      both(self, RELATION_OWNED_BY, ref(owner, 'group'), RELATION_OWNER_OF);
    }
    for (const system of refsAt(spec.system)) {
      both(self, RELATION_PART_OF, ref(system, 'system'), RELATION_HAS_PART);
    }
    for (const domain of refsAt(spec.domain)) {
      both(self, RELATION_PART_OF, ref(domain, 'domain'), RELATION_HAS_PART);
    }
    for (const dependency of refsAt(spec.dependsOn)) {
      both(
        self,
        RELATION_DEPENDS_ON,
        ref(dependency, 'component'),
        RELATION_DEPENDENCY_OF,
      );
    }
    if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
      for (const parent of refsAt(spec.parent)) {
        both(self, RELATION_CHILD_OF, ref(parent, 'group'), RELATION_PARENT_OF);
      }
      for (const child of refsAt(spec.children)) {
        both(self, RELATION_PARENT_OF, ref(child, 'group'), RELATION_CHILD_OF);
      }
      for (const member of refsAt(spec.members)) {
        both(
          self,
          RELATION_HAS_MEMBER,
          ref(member, 'user'),
          RELATION_MEMBER_OF,
        );
      }
    }
    if (entity.kind.toLocaleLowerCase('en-US') === 'user') {
      for (const group of refsAt(spec.memberOf)) {
        both(
          self,
          RELATION_MEMBER_OF,
          ref(group, 'group'),
          RELATION_HAS_MEMBER,
        );
      }
    }
  }

  return entities.map(entity => ({
    ...entity,
    relations: relations.get(stringifyEntityRef(entity)) ?? [],
  }));
}
