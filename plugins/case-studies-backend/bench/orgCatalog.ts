/**
 * The team roll-up bench catalog: one organisation group, departments, areas
 * and leaf teams below it, users as members, and the Components, Systems,
 * Resources and Domains the teams own, generated from a seeded PRNG with the
 * relations the catalog would derive. Not shipped (outside `src/`).
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { generateCatalog } from '@case-studies/plugin-case-studies-common/bench/catalog';
import { withRelations } from '../src/testing/withRelations';

export interface OrgCatalogOptions {
  /** Components, Systems and Resources owned by the groups, together */
  owned: number;
  departments: number;
  areasPerDepartment: number;
  /** leaf teams, spread over the areas */
  teams: number;
  /**
   * Every owned entity a Component of its own: no Systems, no Resources
   * (the scorecard bench's "10,000 components"); default false.
   */
  componentsOnly?: boolean;
}

export const BENCH_ORG: OrgCatalogOptions = {
  owned: 10_000,
  departments: 5,
  areasPerDepartment: 4,
  teams: 175,
};

export interface BenchGroup {
  ref: string;
  parent?: string;
  depth: number;
  /** refs of the entities it owns directly */
  owned: string[];
}

export interface OrgCatalog {
  /** every entity, with relations */
  entities: Entity[];
  /** the root organisation group's ref */
  root: string;
  /** the root first, then every group below it */
  groups: BenchGroup[];
  /** refs of every owned entity (what the root's roll-up covers) */
  owned: string[];
}

const DATABASE_TAGS = ['postgres', 'mysql', 'cassandra', 'dynamodb', 'mongodb'];
const COMPONENT_TYPES = ['service', 'service', 'service', 'website', 'library'];

/**
 * A standard normal variate (Box–Muller) from the seeded PRNG; team sizes
 * are log-normal, so a few teams own many entities and most own a few dozen.
 */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Splits `total` in proportion to the weights, in whole numbers that add up. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map(w => (total * w) / sum);
  const shares = exact.map(Math.floor);
  const left = total - shares.reduce((a, b) => a + b, 0);
  exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index)
    .slice(0, left)
    .forEach(({ index }) => shares[index]++);
  return shares;
}

export function generateOrgCatalog(
  options: OrgCatalogOptions,
  random: () => number,
): OrgCatalog {
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  const entities: Entity[] = [];
  const groups: BenchGroup[] = [];
  // The common bench's varied tags and annotations dress the components.
  const looks = generateCatalog(options.owned, random).map(s => s.entity);
  let nextLook = 0;

  // --- groups: organisation → departments → areas → teams
  const groupEntity = (
    name: string,
    type: string,
    title: string,
    parent: string | undefined,
    children: string[],
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title },
    spec: { type, ...(parent ? { parent } : {}), children },
  });
  const areaNames: string[][] = Array.from(
    { length: options.departments },
    (_, d) =>
      Array.from(
        { length: options.areasPerDepartment },
        (__, a) => `area-${d + 1}-${a + 1}`,
      ),
  );
  const allAreas = areaNames.flat();
  // Every area gets its share of the teams; the rest go to random areas.
  const teamsPerArea = allAreas.map(() =>
    Math.floor(options.teams / allAreas.length),
  );
  for (let i = 0; i < options.teams % allAreas.length; i++) {
    let area = Math.floor(random() * allAreas.length);
    while (teamsPerArea[area] > Math.floor(options.teams / allAreas.length)) {
      area = (area + 1) % allAreas.length;
    }
    teamsPerArea[area]++;
  }
  const teamNames = allAreas.map((area, a) =>
    Array.from(
      { length: teamsPerArea[a] },
      (_, t) => `team-${area.slice(5)}-${t + 1}`,
    ),
  );
  const departmentNames = areaNames.map((_, d) => `dept-${d + 1}`);

  const groupRef = (name: string) => `group:default/${name}`;
  entities.push(
    groupEntity('acme', 'organization', 'ACME', undefined, departmentNames),
  );
  groups.push({ ref: groupRef('acme'), depth: 0, owned: [] });
  departmentNames.forEach((department, d) => {
    entities.push(
      groupEntity(
        department,
        'business-unit',
        `Department ${d + 1}`,
        'acme',
        areaNames[d],
      ),
    );
    groups.push({
      ref: groupRef(department),
      parent: groupRef('acme'),
      depth: 1,
      owned: [],
    });
  });
  allAreas.forEach((area, a) => {
    const department =
      departmentNames[Math.floor(a / options.areasPerDepartment)];
    entities.push(
      groupEntity(
        area,
        'product-area',
        `Area ${area.slice(5)}`,
        department,
        teamNames[a],
      ),
    );
    groups.push({
      ref: groupRef(area),
      parent: groupRef(department),
      depth: 2,
      owned: [],
    });
  });
  allAreas.forEach((area, a) => {
    for (const team of teamNames[a]) {
      entities.push(
        groupEntity(team, 'team', `Team ${team.slice(5)}`, area, []),
      );
      groups.push({
        ref: groupRef(team),
        parent: groupRef(area),
        depth: 3,
        owned: [],
      });
    }
  });

  // --- users: 2–12 members per team, a lead per area and department, some in two teams
  let userCount = 0;
  const addUser = (memberOf: string[]) => {
    userCount++;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `user-${userCount}`, namespace: 'default' },
      spec: { profile: { displayName: `User ${userCount}` }, memberOf },
    });
  };
  const leafTeams = teamNames.flat();
  for (const team of leafTeams) {
    const members = 2 + Math.floor(random() * 11);
    for (let m = 0; m < members; m++) {
      addUser(random() < 0.1 ? [team, pick(leafTeams)] : [team]);
    }
  }
  for (const lead of [...allAreas, ...departmentNames, 'acme']) addUser([lead]);

  // --- domains: one per area and per department, owned by it
  const domainOf = new Map<string, string>();
  for (const owner of [...allAreas, ...departmentNames]) {
    const name = `${owner}-domain`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name, namespace: 'default' },
      spec: { owner },
    });
    domainOf.set(owner, name);
  }
  domainOf.set('acme', 'dept-1-domain');

  // --- owned entities: log-normal shares for teams, small ones above them
  const nameOf = (ref: string) => ref.slice('group:default/'.length);
  const weights = groups.map(group =>
    group.depth === 3 ? Math.exp(0.9 * normal(random)) : 0.15 + random() * 0.2,
  );
  const budgets = apportion(options.owned, weights);
  const owned: string[] = [];
  groups.forEach((group, g) => {
    const owner = nameOf(group.ref);
    const domain =
      group.depth === 3
        ? domainOf.get(nameOf(group.parent!))!
        : domainOf.get(owner)!;
    let remaining = budgets[g];
    let systems = 0;
    let components = 0;
    const add = (entity: Entity) => {
      entities.push(entity);
      const ref = stringifyEntityRef(entity);
      group.owned.push(ref);
      owned.push(ref);
      remaining--;
    };
    while (remaining > 0) {
      // Most components belong to a system of 1–12; some stand alone.
      let system: string | undefined;
      let size = 1;
      if (!options.componentsOnly && remaining > 2 && random() < 0.85) {
        system = `${owner}-system-${++systems}`;
        add({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: system, namespace: 'default' },
          spec: { owner, domain },
        });
        size = 1 + Math.floor(random() ** 1.5 * 12);
      }
      const siblings: string[] = [];
      for (let c = 0; c < size && remaining > 0; c++) {
        const name = `${owner}-svc-${++components}`;
        const look = looks[nextLook++ % looks.length];
        const resources: string[] = [];
        // Databases (and a few caches) the component depends on, in its system.
        let databases = 0;
        if (!options.componentsOnly && random() < 0.3) {
          databases = random() < 0.15 ? 2 : 1;
        }
        for (let r = 0; r < databases && remaining > 1; r++) {
          const type = random() < 0.85 ? 'database' : 'cache';
          const resource = `${name}-${type === 'database' ? 'db' : 'cache'}-${
            r + 1
          }`;
          resources.push(resource);
          add({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: {
              name: resource,
              namespace: 'default',
              tags: type === 'database' ? [pick(DATABASE_TAGS)] : ['redis'],
            },
            spec: { type, owner, ...(system ? { system } : {}) },
          });
        }
        const dependsOn = resources.map(resource => `resource:${resource}`);
        if (siblings.length > 0 && random() < 0.3) {
          dependsOn.push(`component:${pick(siblings)}`);
        }
        add({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name,
            namespace: 'default',
            tags: look.metadata.tags,
            annotations: look.metadata.annotations,
          },
          spec: {
            type: pick(COMPONENT_TYPES),
            lifecycle: look.spec?.lifecycle,
            owner,
            ...(system ? { system } : {}),
            ...(dependsOn.length > 0 ? { dependsOn } : {}),
          },
        });
        siblings.push(name);
      }
    }
  });

  return {
    entities: withRelations(entities),
    root: groupRef('acme'),
    groups,
    owned,
  };
}
