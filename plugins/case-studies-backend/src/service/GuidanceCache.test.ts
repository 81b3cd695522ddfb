import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_SCORING_RULES,
  KnowledgeBase,
} from '@case-studies/plugin-case-studies-common';
import { GuidanceCache } from './GuidanceCache';
import { GuidanceService } from './GuidanceService';
import { loadKnowledge } from './loadKnowledge';

const service = (tags: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'chat-gateway', namespace: 'default', tags },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

const ref = { kind: 'component', namespace: 'default', name: 'chat-gateway' };
const credentials = mockCredentials.user('user:default/alice');

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Retries an assertion for a while: a background refresh takes a moment. */
async function eventually(assertion: () => Promise<void>, withinMs = 200) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(5);
    }
  }
}

/**
 * A catalog whose entity can be replaced and whose entity reads can be held
 * back, counting them.
 */
function controllableCatalog(initial: Entity) {
  let current: Entity | undefined = initial;
  let held: Promise<void> | undefined;
  let reads = 0;
  const catalog = catalogServiceMock({ entities: [] });
  catalog.getEntityByRef = async () => {
    reads++;
    if (held) await held;
    return current;
  };
  return {
    catalog,
    reads: () => reads,
    replace(entity: Entity | undefined) {
      current = entity;
    },
    /** Holds entity reads until the returned function is called. */
    hold(): () => void {
      let release!: () => void;
      held = new Promise<void>(resolve => {
        release = resolve;
      });
      return () => {
        held = undefined;
        release();
      };
    },
  };
}

describe('GuidanceCache', () => {
  let knowledge: KnowledgeBase;
  beforeAll(async () => {
    knowledge = await loadKnowledge({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
  });
  const ttlMs = 600;
  const refreshAfterMs = 200;

  function setUp() {
    const source = controllableCatalog(service(['elixir', 'scylladb']));
    const cache = new GuidanceCache(
      source.catalog,
      new GuidanceService(knowledge, DEFAULT_SCORING_RULES),
      { ttlMs, refreshAfterMs },
    );
    const tagsSeen = async () =>
      (await cache.read(ref, credentials)).context.entity.metadata.tags;
    return { source, cache, tagsSeen };
  }

  it('reads the catalog once for repeated and concurrent requests', async () => {
    const { source, cache } = setUp();
    const entries = await Promise.all(
      Array.from({ length: 5 }, () => cache.read(ref, credentials)),
    );
    await cache.read(ref, credentials);
    expect(source.reads()).toBe(1);
    expect(entries[0].guidance.companies[0].id).toBe('discord');
  });

  it('refreshes a view past its refresh age in the background, without making the request wait', async () => {
    const { source, tagsSeen } = setUp();
    await tagsSeen();
    source.replace(service(['java', 'cassandra']));
    await sleep(refreshAfterMs + 50);

    // The catalog is slow now: no request may wait for it.
    const release = source.hold();
    for (let request = 0; request < 3; request++) {
      const served = await Promise.race([
        tagsSeen(),
        sleep(100).then(() => 'waited for the catalog'),
      ]);
      expect(served).toEqual(['elixir', 'scylladb']);
    }
    expect(source.reads()).toBe(2); // one refresh, however many requests
    release();

    // Well before the time to live runs out, the refreshed view is served.
    await eventually(async () =>
      expect(await tagsSeen()).toEqual(['java', 'cassandra']),
    );
  });

  it('never serves a view older than its time to live', async () => {
    const { source, tagsSeen } = setUp();
    await tagsSeen();
    source.replace(service(['java', 'cassandra']));
    await sleep(ttlMs + 50);
    expect(await tagsSeen()).toEqual(['java', 'cassandra']);
  });

  it('reports an entity that disappeared once its refresh finds it gone', async () => {
    const { source, cache, tagsSeen } = setUp();
    await tagsSeen();
    source.replace(undefined);
    await sleep(refreshAfterMs + 50);
    await tagsSeen(); // still current; starts the refresh that finds nothing
    await eventually(() =>
      expect(cache.read(ref, credentials)).rejects.toThrow(NotFoundError),
    );
  });

  it("lends a caller's current view to a roll-up without reading the catalog, and nobody else's", async () => {
    const { source, cache } = setUp();
    expect(cache.peek('component:default/chat-gateway', credentials)).toBe(
      undefined,
    );
    await cache.read(ref, credentials);
    const lent = cache.peek('Component:default/chat-gateway', credentials);
    expect(lent?.companies[0].id).toBe('discord');
    expect(
      cache.peek(
        'component:default/chat-gateway',
        mockCredentials.user('user:default/bob'),
      ),
    ).toBeUndefined();
    expect(source.reads()).toBe(1);

    await sleep(ttlMs + 50);
    expect(cache.peek('component:default/chat-gateway', credentials)).toBe(
      undefined,
    );
  });
});
