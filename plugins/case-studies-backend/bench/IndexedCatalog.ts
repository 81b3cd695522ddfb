/**
 * An indexed in-memory CatalogService for the benches. The test utilities'
 * catalog (`catalogServiceMock`) evaluates every filter by building search
 * rows for every entity on every call, which takes seconds per call at 10,000
 * entities and would swamp what the plugin does. This one indexes the
 * entities by ref, by kind, by name and namespace, by `spec.type` and by
 * relation (`relations.<type>` → target ref), compares case-insensitively as the
 * catalog does, and counts the calls made to each method. Every caller sees
 * every entity (credentials are ignored). Not shipped (outside `src/`).
 */
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotImplementedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

type FilterValue = string | symbol | (string | symbol)[];
type FilterQuery = Record<string, FilterValue> | Record<string, FilterValue>[];
/** Every caller sees every entity: credentials are accepted and ignored. */
type RequestOptions = Parameters<CatalogService['getEntityByRef']>[1];
type QueryRequest = Parameters<CatalogService['queryEntities']>[0];
type GetEntitiesRequest = Parameters<CatalogService['getEntities']>[0];
type ByRefsRequest = Parameters<CatalogService['getEntitiesByRefs']>[0];

/** The methods the benches count. */
export const COUNTED_METHODS = [
  'getEntityByRef',
  'getEntitiesByRefs',
  'queryEntities',
  'getEntities',
] as const;
export type CountedMethod = (typeof COUNTED_METHODS)[number];
export type CallCounts = Record<CountedMethod, number>;

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * The keys indexed for filters; a filter on any other key throws rather
 * than answering wrongly.
 */
function isIndexedKey(key: string): boolean {
  return (
    key === 'kind' ||
    key === 'metadata.name' ||
    key === 'metadata.namespace' ||
    key === 'spec.type' ||
    key.startsWith('relations.')
  );
}

/** The indexed filter keys and values of an entity, lower-cased. */
function searchRows(entity: Entity): [key: string, value: string][] {
  const rows: [string, string][] = [
    ['kind', lower(entity.kind)],
    ['metadata.name', lower(entity.metadata.name)],
    ['metadata.namespace', lower(entity.metadata.namespace ?? 'default')],
  ];
  if (typeof entity.spec?.type === 'string') {
    rows.push(['spec.type', lower(entity.spec.type)]);
  }
  for (const relation of entity.relations ?? []) {
    rows.push([`relations.${lower(relation.type)}`, lower(relation.targetRef)]);
  }
  return rows;
}

/**
 * The parts of an entity named by dot-separated fields, as the catalog (and
 * its test utilities) select them: a path part that is not a key is joined
 * with the next, so `metadata.annotations.backstage.io/x` reaches the key.
 */
export function selectFields(entity: Entity, fields: string[]): Entity {
  const output: Record<string, unknown> = {};
  for (const field of fields) {
    const parts = field.split('.');
    const path: string[] = [];
    let value: unknown = entity;
    for (let i = 0; i < parts.length; i++) {
      const container = value as Record<string, unknown> | undefined;
      if (
        container !== null &&
        typeof container === 'object' &&
        parts[i] in container
      ) {
        path.push(parts[i]);
        value = container[parts[i]];
      } else if (i + 1 < parts.length) {
        parts[i + 1] = `${parts[i]}.${parts[i + 1]}`;
      } else {
        value = undefined;
      }
    }
    if (value === undefined || path.length === 0) continue;
    let target = output;
    for (const part of path.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    target[path[path.length - 1]] = value;
  }
  return output as unknown as Entity;
}

export class IndexedCatalog implements CatalogService {
  private readonly entities: Entity[];
  private readonly position = new Map<Entity, number>();
  private readonly byRef = new Map<string, Entity>();
  /** filter key → value → entities, in catalog order */
  private readonly index = new Map<string, Map<string, Entity[]>>();
  /** each entity's search rows, `key\0value`, and its keys */
  private readonly rows = new Map<Entity, Set<string>>();
  /**
   * cursors handed out by queryEntities: what the next page continues, with
   * the first page's matches (the entities never change), so a page costs
   * its own size, as a keyset page of the catalog's database does, and not
   * the whole filter again
   */
  private readonly cursors = new Map<
    string,
    { filter?: FilterQuery; offset: number; matching: Entity[] }
  >();
  private calls: CallCounts = IndexedCatalog.noCalls();

  static noCalls(): CallCounts {
    return {
      getEntityByRef: 0,
      getEntitiesByRefs: 0,
      queryEntities: 0,
      getEntities: 0,
    };
  }

  private readonly latencyMs: number;

  /**
   * @param options.latencyMs - how long each counted call waits before it
   * answers, as a round trip to a catalog backend would (default 0); calls
   * made together wait together.
   */
  constructor(entities: Entity[], options: { latencyMs?: number } = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.entities = entities.slice();
    this.entities.forEach((entity, i) => {
      this.position.set(entity, i);
      this.byRef.set(lower(stringifyEntityRef(entity)), entity);
      const rows = new Set<string>();
      this.rows.set(entity, rows);
      for (const [key, value] of searchRows(entity)) {
        rows.add(key);
        rows.add(`${key}\0${value}`);
        let values = this.index.get(key);
        if (!values) this.index.set(key, (values = new Map()));
        const list = values.get(value) ?? [];
        if (list[list.length - 1] !== entity) list.push(entity);
        values.set(value, list);
      }
    });
  }

  /** Calls made to each method since the last reset. */
  callCounts(): CallCounts {
    return { ...this.calls };
  }

  resetCallCounts(): void {
    this.calls = IndexedCatalog.noCalls();
  }

  /** Counts a call, and waits the round trip if there is one. */
  private async called(method: CountedMethod): Promise<void> {
    this.calls[method]++;
    if (this.latencyMs > 0) {
      await new Promise(resolve => setTimeout(resolve, this.latencyMs));
    }
  }

  /** A filter key's condition: the index lists that satisfy it. */
  private condition(key: string, expected: FilterValue) {
    const name = lower(key);
    const values = this.index.get(name);
    if (!values && !isIndexedKey(name)) {
      throw new Error(`IndexedCatalog: the filter key ${key} is not indexed`);
    }
    const wanted = [expected].flat();
    const exists = wanted.some(value => typeof value === 'symbol');
    const lists = exists
      ? [...(values?.values() ?? [])]
      : wanted.map(value => values?.get(lower(String(value))) ?? []);
    const rows = exists
      ? [name]
      : wanted.map(value => `${name}\0${lower(String(value))}`);
    return {
      lists,
      rows,
      size: lists.reduce((sum, list) => sum + list.length, 0),
    };
  }

  /**
   * Every entity matching the filter, in catalog order: the candidates of
   * the narrowest condition, checked against the others' search rows.
   */
  private filtered(filter: FilterQuery | undefined): Entity[] {
    if (!filter) return this.entities;
    const result = new Set<Entity>();
    let lists = 0;
    for (const conditions of [filter].flat()) {
      const parsed = Object.entries(conditions)
        .map(([key, value]) => this.condition(key, value))
        .sort((a, b) => a.size - b.size);
      if (parsed.length === 0) return this.entities;
      const [narrowest, ...others] = parsed;
      for (const list of narrowest.lists) {
        lists++;
        for (const entity of list) {
          const rows = this.rows.get(entity)!;
          if (others.every(other => other.rows.some(row => rows.has(row)))) {
            result.add(entity);
          }
        }
      }
    }
    const matching = [...result];
    // One index list is in catalog order already.
    return lists <= 1
      ? matching
      : matching.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }

  private find(ref: string | CompoundEntityRef): Entity | undefined {
    try {
      return this.byRef.get(
        lower(
          stringifyEntityRef(
            typeof ref === 'string' ? parseEntityRef(ref) : ref,
          ),
        ),
      );
    } catch {
      return undefined;
    }
  }

  async getEntityByRef(
    entityRef: string | CompoundEntityRef,
    _options?: RequestOptions,
  ): Promise<Entity | undefined> {
    await this.called('getEntityByRef');
    return this.find(entityRef);
  }

  async getEntitiesByRefs(request: ByRefsRequest, _options?: RequestOptions) {
    await this.called('getEntitiesByRefs');
    if (request.query) throw new NotImplementedError('query');
    const allowed = request.filter
      ? new Set(this.filtered(request.filter))
      : undefined;
    return {
      items: request.entityRefs.map(ref => {
        const entity = this.find(ref);
        if (!entity || (allowed && !allowed.has(entity))) return undefined;
        return request.fields ? selectFields(entity, request.fields) : entity;
      }),
    };
  }

  async queryEntities(request: QueryRequest, _options?: RequestOptions) {
    await this.called('queryEntities');
    let filter: FilterQuery | undefined;
    let offset: number;
    let matching: Entity[];
    if (request && 'cursor' in request) {
      const cursor = this.cursors.get(request.cursor);
      if (!cursor) throw new InputError('Invalid cursor');
      ({ filter, offset, matching } = cursor);
    } else {
      if (request?.query || request?.orderFields || request?.fullTextFilter) {
        throw new NotImplementedError('query, orderFields, fullTextFilter');
      }
      filter = request?.filter;
      offset = request?.offset ?? 0;
      matching = this.filtered(filter);
    }
    const limit = request?.limit ?? matching.length;
    const items = matching.slice(offset, offset + limit);
    const pageInfo: { nextCursor?: string; prevCursor?: string } = {};
    if (offset + limit < matching.length) {
      pageInfo.nextCursor = `c${this.cursors.size + 1}`;
      this.cursors.set(pageInfo.nextCursor, {
        filter,
        offset: offset + limit,
        matching,
      });
    }
    return {
      items: request?.fields
        ? items.map(entity => selectFields(entity, request.fields!))
        : items,
      totalItems: matching.length,
      pageInfo,
    };
  }

  async getEntities(request?: GetEntitiesRequest, _options?: RequestOptions) {
    await this.called('getEntities');
    if (request?.order || request?.after) {
      throw new NotImplementedError('order, after');
    }
    const offset = request?.offset ?? 0;
    const matching = this.filtered(request?.filter);
    const items = matching.slice(
      offset,
      request?.limit === undefined ? undefined : offset + request.limit,
    );
    return {
      items: request?.fields
        ? items.map(entity => selectFields(entity, request.fields!))
        : items,
    };
  }

  streamEntities(): AsyncIterable<Entity[]> {
    throw new NotImplementedError('streamEntities');
  }

  async getEntityAncestors(): Promise<never> {
    throw new NotImplementedError('getEntityAncestors');
  }
  async removeEntityByUid(): Promise<never> {
    throw new NotImplementedError('removeEntityByUid');
  }
  async refreshEntity(): Promise<never> {
    throw new NotImplementedError('refreshEntity');
  }
  async getEntityFacets(): Promise<never> {
    throw new NotImplementedError('getEntityFacets');
  }
  async getLocations(): Promise<never> {
    throw new NotImplementedError('getLocations');
  }
  async queryLocations(): Promise<never> {
    throw new NotImplementedError('queryLocations');
  }
  streamLocations(): AsyncIterable<never> {
    throw new NotImplementedError('streamLocations');
  }
  async getLocationById(): Promise<never> {
    throw new NotImplementedError('getLocationById');
  }
  async getLocationByRef(): Promise<never> {
    throw new NotImplementedError('getLocationByRef');
  }
  async addLocation(): Promise<never> {
    throw new NotImplementedError('addLocation');
  }
  async removeLocationById(): Promise<never> {
    throw new NotImplementedError('removeLocationById');
  }
  async updateLocation(): Promise<never> {
    throw new NotImplementedError('updateLocation');
  }
  async getLocationByEntity(): Promise<never> {
    throw new NotImplementedError('getLocationByEntity');
  }
  async validateEntity(): Promise<never> {
    throw new NotImplementedError('validateEntity');
  }
  async analyzeLocation(): Promise<never> {
    throw new NotImplementedError('analyzeLocation');
  }
}
