/**
 * Checks the bench's IndexedCatalog against the test utilities' catalog
 * (`catalogServiceMock`) on a small catalog: the same answers to the calls
 * the plugin makes, method by method and through the plugin's own batched
 * reads. Run at the start of `yarn bench:teams`. Not shipped (outside `src/`).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { seededRandom } from '@case-studies/plugin-case-studies-common/bench/catalog';
import {
  entitiesByRefs,
  NEIGHBOUR_FIELDS,
  queryAllEntities,
  readEntityContexts,
} from '../src/service/readEntityContext';
import { rollupCatalog } from '../src/testing/rollupCatalog';
import { IndexedCatalog } from './IndexedCatalog';
import { generateOrgCatalog } from './orgCatalog';

const credentials = mockCredentials.user('user:default/bench-admin');
const options = { credentials };

/** Cursors are opaque: whether there is a next page is what must agree. */
function comparable(key: string, value: unknown): unknown {
  if (key === 'nextCursor') return Boolean(value);
  if (key === 'prevCursor') return undefined;
  return value;
}

/** Every `queryEntities` page of a filter, walked with the returned cursors. */
async function allPages(
  catalog: CatalogService,
  filter: Record<string, string | string[]>,
  limit: number,
) {
  const pages = [];
  let response = await catalog.queryEntities({ filter, limit }, options);
  pages.push(response);
  while (response.pageInfo.nextCursor) {
    response = await catalog.queryEntities(
      { cursor: response.pageInfo.nextCursor, limit },
      options,
    );
    pages.push(response);
  }
  return pages.map(page => ({
    totalItems: page.totalItems,
    refs: page.items.map(entity => stringifyEntityRef(entity)),
    more: Boolean(page.pageInfo.nextCursor),
  }));
}

/**
 * @returns how many calls were compared
 * @throws when an answer differs, naming the call
 */
export async function checkIndexedCatalog(): Promise<number> {
  const small = generateOrgCatalog(
    { owned: 400, departments: 2, areasPerDepartment: 2, teams: 7 },
    seededRandom(7),
  );
  const entities: Entity[] = [...small.entities, ...rollupCatalog];
  const indexed = new IndexedCatalog(entities);
  const mock = catalogServiceMock({ entities });
  let checks = 0;
  const same = async (
    what: string,
    call: (catalog: CatalogService) => Promise<unknown>,
  ) => {
    const [expected, actual] = (
      await Promise.all([call(mock), call(indexed)])
    ).map(answer => JSON.stringify(answer, comparable));
    checks++;
    if (actual !== expected) {
      throw new Error(
        `IndexedCatalog differs from catalogServiceMock for ${what}:\n` +
          `expected ${expected.slice(0, 500)}\n` +
          `actual   ${actual.slice(0, 500)}`,
      );
    }
  };

  const refs = entities.map(entity => stringifyEntityRef(entity));
  const byKind = (kind: string) =>
    entities.filter(e => e.kind === kind).map(e => stringifyEntityRef(e));
  const groups = byKind('Group');
  const systems = byKind('System');

  for (const entity of entities) {
    await same(`getEntityByRef ${stringifyEntityRef(entity)}`, c =>
      c.getEntityByRef(stringifyEntityRef(entity), options),
    );
    await same(`getEntityByRef of a compound ref`, c =>
      c.getEntityByRef(
        {
          kind: entity.kind,
          namespace: entity.metadata.namespace ?? 'default',
          name: entity.metadata.name,
        },
        options,
      ),
    );
  }
  await same('getEntityByRef of a missing entity', c =>
    c.getEntityByRef('component:default/nowhere', options),
  );
  for (let i = 0; i < refs.length; i += 50) {
    const entityRefs = [...refs.slice(i, i + 50), 'resource:default/nowhere'];
    for (const fields of [undefined, NEIGHBOUR_FIELDS, ['metadata.name']]) {
      await same(`getEntitiesByRefs from ${i} with fields ${fields}`, c =>
        c.getEntitiesByRefs({ entityRefs, fields }, options),
      );
    }
  }
  for (const group of groups) {
    // countComponentsOwnedBy's call
    await same(`the count of components owned by ${group}`, c =>
      c.queryEntities(
        {
          filter: { kind: 'Component', 'relations.ownedBy': group },
          limit: 1,
          fields: ['metadata.name'],
        },
        options,
      ),
    );
    // and its count of the deployed ones
    await same(`the count of services owned by ${group}`, c =>
      c.queryEntities(
        {
          filter: {
            kind: 'Component',
            'relations.ownedBy': group,
            'spec.type': ['service', 'Worker'],
          },
          limit: 1,
          fields: ['metadata.name'],
        },
        options,
      ),
    );
  }
  for (const [field, values] of [
    ['relations.ownedBy', groups.slice(0, 5)],
    ['relations.ownedBy', groups],
    ['relations.partOf', systems],
    ['relations.hasMember', byKind('User').slice(0, 20)],
  ] as const) {
    for (const limit of [7, 500]) {
      await same(`${field} in ${values.length} values, pages of ${limit}`, c =>
        allPages(c, { [field]: [...values] }, limit),
      );
    }
    // catalogServiceMock evaluates a list-valued key as the last one: keys
    // after it are skipped. With the list last, its answer is the catalog's.
    await same(`${field} in a list, kind Component`, c =>
      allPages(c, { kind: 'component', [field]: [...values] }, 50),
    );
  }
  await same('getEntities of kind Group', c =>
    c.getEntities({ filter: { kind: 'Group' } }, options),
  );

  // The plugin's batched reads. queryAllEntities sends `kind` after the list
  // and filters kinds again, as for the mock.
  await same('queryAllEntities owned by every group', c =>
    queryAllEntities(
      c,
      {
        kinds: ['component', 'api', 'resource', 'system'],
        anyOf: { field: 'relations.ownedBy', values: groups },
      },
      credentials,
    ),
  );
  await same('queryAllEntities of the systems, neighbour fields', c =>
    queryAllEntities(
      c,
      {
        kinds: ['component'],
        anyOf: { field: 'relations.partOf', values: systems },
        fields: NEIGHBOUR_FIELDS,
      },
      credentials,
    ),
  );
  await same('entitiesByRefs of the groups, in full', c =>
    entitiesByRefs(c, groups, credentials, 'full'),
  );
  const owned = entities.filter(e =>
    ['Component', 'Resource', 'System'].includes(e.kind),
  );
  const contexts = (c: CatalogService, known: Entity[], count?: number) =>
    readEntityContexts({
      catalog: c,
      entities: owned.slice(0, count),
      credentials,
      known,
    }).then(map => [...map.entries()]);
  await same('readEntityContexts of every owned entity', c => contexts(c, []));
  await same('readEntityContexts of 30 entities, the groups known', c =>
    contexts(
      c,
      entities.filter(e => e.kind === 'Group'),
      30,
    ),
  );
  for (const entity of owned.slice(0, 40)) {
    await same(`readEntityContexts of ${stringifyEntityRef(entity)} alone`, c =>
      readEntityContexts({ catalog: c, entities: [entity], credentials }).then(
        map => [...map.entries()],
      ),
    );
  }
  return checks;
}
