import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ChecklistItemState,
  Guidance,
  ServiceProfile,
} from '@case-studies/plugin-case-studies-common';
import { LRUCache } from 'lru-cache';
import { GuidanceService } from './GuidanceService';
import { SerialisedJson } from './SerialisedJson';
import { normalisedRef, principalKey } from './entityRefs';
import { EntityContext, readEntityContext } from './readEntityContext';

/** How long one caller's view of an entity (and the guidance drawn from it) is reused at most. */
const TTL_MS = 15_000;
/**
 * A view older than this is refreshed in the background by the next read,
 * which still gets the current one: under steady traffic no request waits for
 * the catalog, and no view served is older than `TTL_MS`.
 */
const REFRESH_AFTER_MS = 10_000;
/** Entries kept at most; a few hundred KB each. */
const MAX_ENTRIES = 500;
/** Serialised responses kept per entry, one per distinct set of checklist states. */
const MAX_RESPONSES_PER_ENTRY = 4;

interface CachedGuidance {
  context: EntityContext;
  profile: ServiceProfile;
  guidance: Guidance;
  /** serialised responses by checklist-state fingerprint */
  responses: Map<string, SerialisedJson>;
}

function cacheKey(
  ref: string | CompoundEntityRef,
  credentials: BackstageCredentials,
): string {
  return `${principalKey(credentials)}|${normalisedRef(ref)}`;
}

/** Which stored states a response reflects: any accepted change alters it. */
function statesFingerprint(states: ChecklistItemState[]): string {
  return states.map(state => `${state.itemId}@${state.version}`).join(',');
}

/**
 * Keeps, per caller and entity, the catalog context read with the caller's
 * credentials and the guidance computed from it, for a few seconds.
 *
 * Why: a guidance request needs up to five catalog reads and a response of
 * ~150 KB; the catalog changes on its refresh cycle (minutes), so reusing a
 * caller's own recent view costs no freshness that matters, while every caller
 * still sees only what the catalog lets them see. Concurrent misses for one key
 * share a single catalog read. Checklist states are read from the store on
 * every request; a response is reused only for exactly the same states.
 */
export class GuidanceCache {
  private readonly entries: LRUCache<
    string,
    CachedGuidance,
    { ref: CompoundEntityRef; credentials: BackstageCredentials }
  >;
  private readonly ttlMs: number;
  private readonly refreshAfterMs: number;

  constructor(
    private readonly catalog: CatalogService,
    private readonly guidanceService: GuidanceService,
    timing: { ttlMs?: number; refreshAfterMs?: number } = {},
  ) {
    this.ttlMs = timing.ttlMs ?? TTL_MS;
    this.refreshAfterMs = timing.refreshAfterMs ?? REFRESH_AFTER_MS;
    this.entries = new LRUCache({
      max: MAX_ENTRIES,
      ttl: this.ttlMs,
      fetchMethod: async (_key, _stale, { context: { ref, credentials } }) => {
        const context = await readEntityContext({
          catalog: this.catalog,
          ref,
          credentials,
        });
        const { profile, guidance } = this.guidanceService.evaluate(context);
        return { context, profile, guidance, responses: new Map() };
      },
    });
  }

  /** The caller's view of an entity; a NotFoundError when the caller cannot see it. */
  async read(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<CachedGuidance> {
    const key = cacheKey(ref, credentials);
    const context = { ref, credentials };
    const remainingMs = this.entries.getRemainingTTL(key);
    const current = remainingMs > 0;
    // A current view is served even while its refresh is under way; an
    // expired or missing one is read afresh.
    const entry = await this.entries.fetch(key, {
      context,
      allowStale: current,
    });
    if (current && remainingMs < this.ttlMs - this.refreshAfterMs) {
      // Starts one refresh (later calls join it). If it fails, e.g. the
      // entity is gone, the entry is dropped and the next read reports it.
      void this.entries.fetch(key, {
        context,
        forceRefresh: true,
        allowStale: true,
      });
    }
    return entry!;
  }

  /**
   * The guidance the caller's current view of an entity holds, without
   * reading the catalog; undefined when there is none. Roll-ups use it for
   * the entities whose tab the caller has just opened.
   */
  peek(
    ref: string | CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Guidance | undefined {
    const key = cacheKey(ref, credentials);
    if (!(this.entries.getRemainingTTL(key) > 0)) return undefined;
    return this.entries.peek(key)?.guidance;
  }

  /** The serialised guidance response for the given stored states. */
  response(
    entry: CachedGuidance,
    states: ChecklistItemState[],
  ): SerialisedJson {
    const fingerprint = statesFingerprint(states);
    let serialised = entry.responses.get(fingerprint);
    if (serialised === undefined) {
      serialised = new SerialisedJson(
        this.guidanceService.respond(
          entry.context.entity,
          entry.profile,
          entry.guidance,
          states,
        ),
      );
      if (entry.responses.size >= MAX_RESPONSES_PER_ENTRY) {
        entry.responses.clear();
      }
      entry.responses.set(fingerprint, serialised);
    }
    return serialised;
  }
}
