import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ChecklistItemState,
  Guidance,
  ServiceProfile,
} from '@case-studies/plugin-case-studies-common';
import { LRUCache } from 'lru-cache';
import { GuidanceService } from './GuidanceService';
import { SerialisedJson } from './SerialisedJson';
import { EntityContext, readEntityContext } from './readEntityContext';

/** How long one caller's view of an entity (and the guidance drawn from it) is reused. */
const TTL_MS = 15_000;
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

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `${principal.type}:${principal.subject}`;
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

  constructor(
    private readonly catalog: CatalogService,
    private readonly guidanceService: GuidanceService,
  ) {
    this.entries = new LRUCache({
      max: MAX_ENTRIES,
      ttl: TTL_MS,
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
    const key = `${principalKey(credentials)}|${stringifyEntityRef(
      ref,
    ).toLocaleLowerCase('en-US')}`;
    const entry = await this.entries.fetch(key, {
      context: { ref, credentials },
    });
    return entry!;
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
