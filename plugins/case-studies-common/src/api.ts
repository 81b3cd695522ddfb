import type { Guidance } from './matching';
import type { ServiceProfile } from './profile';
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
  /** increments on every accepted change; 0 means never changed */
  version: number;
  updatedBy?: string;
  /** ISO 8601 */
  updatedAt?: string;
}

/** One accepted change in the audit trail. @public */
export interface ChecklistHistoryEntry {
  id: string;
  itemId: string;
  status: ChecklistStatus;
  previousStatus?: ChecklistStatus;
  note?: string;
  evidenceUrl?: string;
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

/** The longest note a checklist update may carry. @public */
export const CHECKLIST_NOTE_MAX_LENGTH = 2000;

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
 * `GET /groups/:namespace/:name/progress` (and `/systems/…`, `/domains/…`,
 * `/users/…`): the entities below a group, system, domain or user, scored,
 * with totals over all of them and a page of the entities, in entity-ref order.
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
