import type { Guidance } from './matching';
import type { ServiceProfile } from './profile';
import type { ChecklistProgress, EntityChecklistEntry } from './scoring';

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
}
