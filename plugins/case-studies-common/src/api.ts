import type { Guidance } from './matching';
import type { ServiceProfile } from './profile';
import type {
  RolloutItemStatus,
  RolloutState,
  RolloutTarget,
} from './rollouts';
import type {
  ChecklistProgress,
  EntityChecklistEntry,
  EntityScore,
  RollupSummary,
  ScorecardEntityRow,
  ScorecardFilters,
  ScorecardGroup,
  ScorecardGroupBy,
  ScorecardTrend,
  ScoredEntity,
  ScoreTotals,
  ScoringRules,
} from './scoring';

/**
 * Types of the REST API served at `/api/case-studies`, shared by the backend
 * that produces them and the frontend client that reads them.
 */

/** @public */
export const CHECKLIST_STATUSES = [
  'todo',
  'in-progress',
  'done',
  'not-applicable',
] as const;

/** @public */
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** The stored state of one checklist item for one entity. @public */
export interface ChecklistItemState {
  itemId: string;
  status: ChecklistStatus;
  note?: string;
  evidenceUrl?: string;
  /** for `not-applicable`: the last day (YYYY-MM-DD, UTC) the exemption holds */
  until?: string;
  /** increments on every accepted change; 0 means never changed */
  version: number;
  updatedBy?: string;
  /** ISO 8601 */
  updatedAt?: string;
}

/** One accepted change in the audit trail. @public */
export interface ChecklistHistoryEntry {
  id: string;
  /**
   * set on entries the history derives rather than stores: the day after an
   * exemption's last day, when the item counted as open again
   */
  event?: 'exemption-expired';
  itemId: string;
  status: ChecklistStatus;
  previousStatus?: ChecklistStatus;
  note?: string;
  evidenceUrl?: string;
  /** for `not-applicable`: the last day the exemption holds */
  until?: string;
  version: number;
  changedBy: string;
  /** ISO 8601 */
  changedAt: string;
}

/** @public */
export interface ChecklistHistoryPage {
  items: ChecklistHistoryEntry[];
  /** pass as `cursor` to read the next (older) page; absent on the last page */
  nextCursor?: string;
}

/**
 * The longest note a checklist update may carry, in characters as
 * {@link checklistNoteLength} counts them. @public
 */
export const CHECKLIST_NOTE_MAX_LENGTH = 2000;

/**
 * The length of a note as its limit counts it: in Unicode code points, so
 * an emoji is one character (as PostgreSQL counts), not two UTF-16 units.
 * @public
 */
export function checklistNoteLength(note: string): number {
  // A string iterates by code point.
  return Array.from(note).length;
}

/** Whether a note is within {@link CHECKLIST_NOTE_MAX_LENGTH}. @public */
export function isChecklistNoteWithinLimit(note: string): boolean {
  return checklistNoteLength(note) <= CHECKLIST_NOTE_MAX_LENGTH;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text cannot be stored as given, or undefined when it can: PostgreSQL
 * refuses NUL characters, and an unpaired UTF-16 surrogate has no UTF-8 form
 * (each database would store a different replacement, so a repeat would not
 * compare equal). @public
 */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (UNPAIRED_SURROGATE.test(text)) {
    return 'must not contain unpaired surrogates (malformed Unicode)';
  }
  return undefined;
}

/** Whether a checklist item's evidence link is acceptable: an http(s) URL. @public */
export function isEvidenceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Body of `PUT /entities/:kind/:namespace/:name/checklist/:itemId`. @public */
export interface ChecklistUpdateRequest {
  status: ChecklistStatus;
  note?: string;
  evidenceUrl?: string;
  /** with `not-applicable`: the last day the exemption holds, YYYY-MM-DD, today or later */
  until?: string;
  /** the version the client last saw; a stale one is answered with 409 */
  version?: number;
}

/**
 * `GET /entities/:kind/:namespace/:name/guidance` and `POST /match`: the
 * guidance for one entity with its profile, the checklist joined with stored
 * states (none for `/match`) and automatic evidence, and progress.
 *
 * @public
 */
export interface GuidanceResponse extends Omit<Guidance, 'checklist'> {
  profile: ServiceProfile;
  checklist: EntityChecklistEntry[];
  progress: ChecklistProgress;
  /** the entity's score and level, explained */
  score: EntityScore;
  /** the rules the score was computed with, so a client can recompute it after a change */
  scoring: ScoringRules;
}

/** What a roll-up is of: a team (with its sub-teams), a system, a domain, or a user's teams. @public */
export type RollupScope = 'group' | 'system' | 'domain' | 'user';

/** A team of a roll-up, with the totals of the entities it owns directly. @public */
export interface RollupTeam {
  entityRef: string;
  title?: string;
  /** the team above it in the roll-up, if any */
  parent?: string;
  summary: RollupSummary;
}

/** The largest page of entities a roll-up returns. @public */
export const ROLLUP_PAGE_MAX = 500;
/** The page size of a roll-up when the request names none. @public */
export const ROLLUP_PAGE_DEFAULT = 100;

/**
 * A whole roll-up, or its first page: the entities below a group, system,
 * domain or user, scored, with totals over all of them and (a page of) the
 * entities, in entity-ref order.
 *
 * @public
 */
export interface RollupResponse {
  scope: RollupScope;
  /** the group, system, domain or user the roll-up is of */
  entityRef: string;
  title?: string;
  /** whether child groups' entities are included (groups and users) */
  recursive: boolean;
  knowledgeVersion: string;
  scoring: ScoringRules;
  /** totals over every entity of the roll-up, not only this page */
  summary: RollupSummary;
  /**
   * The groups of the roll-up: for a group, itself and (recursive) its
   * sub-teams; for a user, the user's groups and theirs; for a system or
   * domain, the owners of its entities. Only teams that own entities here or
   * have sub-teams here are listed.
   */
  teams: RollupTeam[];
  /** this page of entities */
  entities: ScoredEntity[];
  /** entities in the whole roll-up */
  totalEntities: number;
  /** pass as `cursor` for the next page; absent on the last page */
  nextCursor?: string;
}

/**
 * `GET /groups/:namespace/:name/progress` (and `/systems/…`, `/domains/…`,
 * `/users/…`): one page of a roll-up. The first page (no cursor) is a
 * {@link RollupResponse}; a page read with a cursor leaves `teams` out, as
 * they are the same on every page (for an organisation of 200 teams, 290 KB
 * a page).
 *
 * @public
 */
export type RollupPageResponse = Omit<RollupResponse, 'teams'> & {
  teams?: RollupTeam[];
};

/** Where a scorecard report's figures come from. @public */
export type ScorecardSource = 'snapshot' | 'live';

/**
 * `GET /scorecards?groupBy=owner|system|domain|none&kind=&type=&lifecycle=`:
 * the scores of every entity the caller can see, grouped, from the latest
 * snapshot (or computed now with `live=true`, or when there is no snapshot
 * yet), with the change since the snapshot before it.
 *
 * @public
 */
export interface ScorecardReport {
  groupBy: ScorecardGroupBy;
  filters: ScorecardFilters;
  source: ScorecardSource;
  /** when the figures were computed, ISO 8601 */
  takenAt: string;
  /** the snapshot the changes are measured against, if any */
  previousTakenAt?: string;
  knowledgeVersion: string;
  scoring: ScoringRules;
  /** over every row */
  totals: ScoreTotals;
  /** one per owner, system or domain (or entity), in key order; entities without one last */
  groups: ScorecardGroup[];
}

/** Days of history `GET /scorecards/history` returns when `from` is not given. @public */
export const SCORECARD_HISTORY_DEFAULT_DAYS = 90;
/** The longest period one history request may span, in days. @public */
export const SCORECARD_HISTORY_MAX_DAYS = 1000;

/**
 * `GET /scorecards/history?groupBy=…&from=YYYY-MM-DD&to=YYYY-MM-DD`: each
 * group's totals at every snapshot of the period, over the entities the
 * caller can see now.
 *
 * @public
 */
export interface ScorecardHistoryResponse {
  groupBy: ScorecardGroupBy;
  filters: ScorecardFilters;
  from: string;
  to: string;
  /** the snapshots of the period, with the knowledge-base version each used */
  snapshots: { day: string; takenAt: string; knowledgeVersion: string }[];
  /** totals over every group, per snapshot */
  overall: ScorecardTrend;
  trends: ScorecardTrend[];
}

/** `GET /entities/:kind/:namespace/:name/score/history`: one entity's snapshots. @public */
export interface EntityScoreHistoryResponse {
  entityRef: string;
  from: string;
  to: string;
  points: (Pick<
    ScorecardEntityRow,
    'score' | 'level' | 'done' | 'applicable' | 'knowledgeVersion' | 'takenAt'
  > & { day: string })[];
}

/** The longest rollout title, description, and the most items one rollout asks for. @public */
export const ROLLOUT_LIMITS = {
  title: 200,
  description: 5000,
  items: 50,
  /** values per target field */
  targetValues: 100,
} as const;

/** A rollout: a campaign asking the entities of a target to complete checklist items by a date. @public */
export interface Rollout {
  id: string;
  title: string;
  description: string;
  /** checklist item ids of the knowledge base */
  itemIds: string[];
  target: RolloutTarget;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD; items still open after this day are overdue */
  dueDate: string;
  state: RolloutState;
  /** exemptions of the rollout's items count as open until a platform-group member approves them */
  requireExemptionApproval: boolean;
  /** increments on every accepted change */
  version: number;
  createdBy: string;
  /** ISO 8601 */
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** The fields a rollout is created with. @public */
export type RolloutInput = Pick<
  Rollout,
  'title' | 'itemIds' | 'target' | 'startDate' | 'dueDate'
> &
  Partial<Pick<Rollout, 'description' | 'state' | 'requireExemptionApproval'>>;

/** Body of `PATCH /rollouts/:id`: the fields to change, and the version the change is based on. @public */
export type RolloutPatch = Partial<RolloutInput> & { version?: number };

/** One accepted change of a rollout, in its own history. @public */
export interface RolloutChange {
  version: number;
  changedBy: string;
  /** ISO 8601 */
  changedAt: string;
  /** each changed field's value before (absent on creation) and after */
  changes: Record<string, { from?: unknown; to: unknown }>;
}

/** `GET /rollouts/:id`. @public */
export interface RolloutResponse {
  rollout: Rollout;
  history: RolloutChange[];
}

/** Body of `POST /rollouts/:id/approvals`: approve an entity's exemption of a rollout item. @public */
export interface ExemptionApprovalRequest {
  entityRef: string;
  itemId: string;
}

/** `GET /rollouts?state=&entity=&team=`. @public */
export interface RolloutListResponse {
  rollouts: Rollout[];
}

/** Counts of a rollout's (entity, item) pairs by status. @public */
export interface RolloutCounts {
  done: number;
  inProgress: number;
  todo: number;
  exempted: number;
  /** pairs still open after the due date */
  overdue: number;
  /** done / (all − exempted), 0–100 */
  percent: number;
}

/** One targeted entity's items in a rollout. @public */
export interface RolloutEntityProgress extends RolloutCounts {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  items: {
    itemId: string;
    status: RolloutItemStatus;
    overdue: boolean;
    /** an exemption that no longer counts: expired, or awaiting approval */
    exemptionProblem?: 'expired' | 'awaiting-approval';
    /** who approved the exemption, where the rollout requires approval */
    approvedBy?: string;
  }[];
  /** when the entity joined the target, ISO 8601 */
  joinedAt: string;
  /** when it left the target, if it has: it is listed, not counted */
  leftAt?: string;
}

/** `GET /rollouts/:id/progress`. @public */
export interface RolloutProgressResponse {
  rollout: Rollout;
  /** the instant progress was computed, ISO 8601 */
  asOf: string;
  totals: RolloutCounts & { entities: number };
  teams: (RolloutCounts & { team: string | null; entities: number })[];
  /** targeted entities now, then those that left */
  entities: RolloutEntityProgress[];
  /** done pairs at the end of each day from the start to today (or the due date) */
  burnUp: { day: string; done: number; total: number }[];
}
