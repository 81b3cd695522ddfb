import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ChecklistItemState,
  ChecklistStatus,
  EntityChecklistEntry,
  entityScore,
  progressOf,
  ScoredWarning,
  ScoringRules,
} from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef, isChecklistConflictError } from '../../api';

/** What the owner asked for: a status and, optionally, a note and evidence link. */
export interface ChecklistChange {
  status: ChecklistStatus;
  note?: string;
  evidenceUrl?: string;
}

/** Why a change did not go through, shown next to the item. */
export type ChecklistItemNotice =
  | {
      type: 'conflict';
      /** the status this user tried to set */
      attempted: ChecklistStatus;
      /** the item as the other person left it */
      current: ChecklistItemState;
    }
  | { type: 'forbidden'; message: string }
  | { type: 'failed'; message: string };

function messageOf(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function isForbidden(error: unknown): boolean {
  if (error instanceof ResponseError) {
    return error.statusCode === 403 || error.cause?.name === 'NotAllowedError';
  }
  return (error as { name?: unknown })?.name === 'NotAllowedError';
}

/**
 * The checklist of one entity as the owner edits it: changes show at once
 * (optimistic), are replaced by the stored state the backend answers with,
 * and roll back when the backend refuses. A 409 adopts the other person's
 * state; a 403 makes the checklist read-only. Progress and score follow the
 * entries as they are now, by the rules in common (`progressOf`,
 * `entityScore`) and the scoring rules of the guidance response.
 */
export function useChecklist(options: {
  entityRef: CompoundEntityRef;
  initial: EntityChecklistEntry[];
  /** the entity's active warnings, which the score deducts */
  warnings: ScoredWarning[];
  rules: ScoringRules;
}) {
  const { entityRef, initial, warnings, rules } = options;
  const api = useApi(caseStudiesApiRef);
  const [entries, setEntries] = useState(initial);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [notices, setNotices] = useState<Record<string, ChecklistItemNotice>>(
    {},
  );
  const [forbidden, setForbidden] = useState(false);
  const entriesRef = useRef(entries);
  entriesRef.current = entries;

  useEffect(() => {
    setEntries(initial);
    setNotices({});
  }, [initial]);

  const setState = useCallback(
    (itemId: string, state: ChecklistItemState) =>
      setEntries(current =>
        current.map(entry =>
          entry.id === itemId ? { ...entry, state } : entry,
        ),
      ),
    [],
  );

  const setNotice = useCallback(
    (itemId: string, notice?: ChecklistItemNotice) =>
      setNotices(current => {
        const { [itemId]: _, ...rest } = current;
        return notice ? { ...rest, [itemId]: notice } : rest;
      }),
    [],
  );

  const changeItem = useCallback(
    async (itemId: string, change: ChecklistChange) => {
      const entry = entriesRef.current.find(e => e.id === itemId);
      if (!entry) return;
      const previous = entry.state;
      setNotice(itemId);
      setPending(current => ({ ...current, [itemId]: true }));
      setState(itemId, {
        ...previous,
        status: change.status,
        note: change.note,
        evidenceUrl: change.evidenceUrl,
      });
      try {
        const saved = await api.updateChecklistItem(entityRef, itemId, {
          status: change.status,
          ...(change.note ? { note: change.note } : {}),
          ...(change.evidenceUrl ? { evidenceUrl: change.evidenceUrl } : {}),
          version: previous.version,
        });
        setState(itemId, saved);
      } catch (error) {
        if (isChecklistConflictError(error)) {
          setState(itemId, error.current);
          setNotice(itemId, {
            type: 'conflict',
            attempted: change.status,
            current: error.current,
          });
        } else if (isForbidden(error)) {
          setState(itemId, previous);
          setForbidden(true);
          setNotice(itemId, { type: 'forbidden', message: messageOf(error) });
        } else {
          setState(itemId, previous);
          setNotice(itemId, { type: 'failed', message: messageOf(error) });
        }
      } finally {
        setPending(current => {
          const { [itemId]: _, ...rest } = current;
          return rest;
        });
      }
    },
    [api, entityRef, setNotice, setState],
  );

  const progress = useMemo(() => progressOf(entries), [entries]);
  const score = useMemo(
    () => entityScore(progress, warnings, rules),
    [progress, warnings, rules],
  );

  return {
    entries,
    progress,
    score,
    pending,
    notices,
    forbidden,
    changeItem,
    dismissNotice: (itemId: string) => setNotice(itemId),
  };
}
