import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  caseStudiesChecklistUpdatePermission,
  ChecklistHistoryEntry,
  ChecklistHistoryPage,
  ChecklistItemState,
  addDays,
  exemptionExpired,
  ChecklistUpdateRequest,
} from '@case-studies/plugin-case-studies-common';
import {
  ChecklistHistoryQuery,
  ChecklistStore,
} from '../database/ChecklistStore';
import { GuidanceCache } from './GuidanceCache';

/** The checklist items the active rollouts targeting an entity ask for. */
export type RolloutItemsLookup = (
  entityRef: string,
  credentials: BackstageCredentials,
) => Promise<Set<string>>;

/** The history's note that an exemption's last day has passed. */
function expiryEntry(state: ChecklistItemState): ChecklistHistoryEntry {
  return {
    id: `exemption-expired-${state.itemId}-${state.version}`,
    event: 'exemption-expired',
    itemId: state.itemId,
    status: 'todo',
    previousStatus: 'not-applicable',
    note: `The exemption held until ${state.until}; the item counts as open again.`,
    until: state.until,
    version: state.version,
    changedBy: 'case-studies',
    changedAt: `${addDays(state.until!, 1)}T00:00:00.000Z`,
  };
}

/** What became of a checklist update. */
export type ChecklistUpdateResult =
  /** accepted, or an identical repeat of what is stored: `state` is stored now */
  | { outcome: 'updated' | 'unchanged'; state: ChecklistItemState }
  /** the caller's version is stale: nothing was written; `state` is stored now */
  | { outcome: 'conflict'; state: ChecklistItemState; message: string };

/**
 * Reads and changes an entity's checklist on behalf of a caller, who sees the
 * entity only as the catalog lets them (an entity they cannot see is a
 * NotFoundError).
 */
export class ChecklistService {
  private readonly checklistStore: ChecklistStore;
  private readonly guidanceCache: GuidanceCache;
  private readonly permissions: PermissionsService;

  private readonly rolloutItemsOf?: RolloutItemsLookup;

  constructor(options: {
    checklistStore: ChecklistStore;
    guidanceCache: GuidanceCache;
    permissions: PermissionsService;
    /** the items rollouts ask of an entity: they may be recorded even where the knowledge says they do not apply */
    rolloutItemsOf?: RolloutItemsLookup;
  }) {
    this.checklistStore = options.checklistStore;
    this.guidanceCache = options.guidanceCache;
    this.permissions = options.permissions;
    this.rolloutItemsOf = options.rolloutItemsOf;
  }

  /** A page of the entity's audit trail, newest first. */
  async getHistory(options: {
    ref: CompoundEntityRef;
    query: ChecklistHistoryQuery;
    credentials: BackstageCredentials;
  }): Promise<ChecklistHistoryPage> {
    const { context } = await this.guidanceCache.read(
      options.ref,
      options.credentials,
    );
    const page = await this.checklistStore.getHistory({
      ...options.query,
      entityRef: context.entityRef,
    });
    if (options.query.cursor) return page;
    // An exemption that has expired is the newest event of its item (a
    // later change would have replaced it), so the first page says so.
    const today = new Date().toISOString().slice(0, 10);
    const expired = (await this.checklistStore.getStates(context.entityRef))
      .filter(
        state =>
          exemptionExpired(state, today) &&
          (!options.query.itemId || state.itemId === options.query.itemId),
      )
      .map(expiryEntry);
    return { ...page, items: [...expired, ...page.items] };
  }

  /**
   * Sets one item's status: only for those the permission framework allows
   * (NotAllowedError otherwise), and only for an item that applies to the
   * entity (NotFoundError otherwise). A stale `version` is a conflict.
   */
  async updateItem(options: {
    ref: CompoundEntityRef;
    itemId: string;
    update: ChecklistUpdateRequest;
    /** only users change checklists: the change is recorded as theirs */
    credentials: BackstageCredentials<BackstageUserPrincipal>;
  }): Promise<ChecklistUpdateResult> {
    const { itemId, update, credentials } = options;
    const { context, guidance } = await this.guidanceCache.read(
      options.ref,
      credentials,
    );

    const [decision] = await this.permissions.authorize(
      [
        {
          permission: caseStudiesChecklistUpdatePermission,
          resourceRef: context.entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Only the owners of ${context.entityRef} may change its checklist`,
      );
    }

    const applicability = guidance.checklist.find(item => item.id === itemId);
    if (!applicability) {
      throw new NotFoundError(`No checklist item ${itemId}`);
    }
    if (
      !applicability.applies &&
      !(await this.rolloutItemsOf?.(context.entityRef, credentials))?.has(
        itemId,
      )
    ) {
      throw new NotFoundError(
        `Checklist item ${itemId} does not apply to ${context.entityRef}: ${applicability.explanation}`,
      );
    }

    const result = await this.checklistStore.applyChange({
      entityRef: context.entityRef,
      itemId,
      status: update.status,
      note: update.note,
      evidenceUrl: update.evidenceUrl,
      until: update.until,
      expectedVersion: update.version,
      actor: credentials.principal.userEntityRef,
    });
    if (result.outcome === 'conflict') {
      return {
        ...result,
        message:
          update.version === undefined
            ? `Checklist item ${itemId} is being changed by others faster than yours could be applied (now version ${result.state.version}); try again`
            : `Checklist item ${itemId} was changed by ${result.state.updatedBy} (now version ${result.state.version}); you sent version ${update.version}`,
      };
    }
    return result;
  }
}
