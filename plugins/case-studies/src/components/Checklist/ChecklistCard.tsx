import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  type EntityChecklistEntry,
  progressOf,
} from '@case-studies/plugin-case-studies-common';
import type { RolloutMark } from '../shared/useEntityRollouts';
import { CATEGORY_LABELS, CATEGORY_ORDER, ownerNames } from '../shared/format';
import { ChecklistItemRow } from './ChecklistItemRow';
import { ChecklistProgressBar } from './ChecklistProgressBar';
import { ItemHistoryDialog } from './ItemHistoryDialog';
import { NotApplicableItems } from './NotApplicableItems';
import type { useChecklist } from './useChecklist';

/**
 * The checklist that applies to an entity, grouped by category, with
 * progress; owners change statuses inline, everyone can read the history.
 */
export const ChecklistCard = (props: {
  entityRef: CompoundEntityRef;
  checklist: ReturnType<typeof useChecklist>;
  editable: boolean;
  checkingPermission: boolean;
  owners: string[];
  /** per item id, the active rollouts asking for it */
  rolloutMarks?: Record<string, RolloutMark[]>;
}) => {
  const { entityRef, checklist, editable, checkingPermission, owners } = props;
  const rolloutMarks = props.rolloutMarks ?? {};
  const [historyOf, setHistoryOf] = useState<EntityChecklistEntry>();
  const applying = checklist.entries.filter(e => e.applies);
  const notApplying = checklist.entries.filter(e => !e.applies);

  return (
    <InfoCard title="Checklist">
      <ChecklistProgressBar progress={checklist.progress} />
      {!editable && !checkingPermission && (
        <Box mt={2}>
          <Alert severity="info">
            Read-only: only this entity's owners ({ownerNames(owners)}) can
            change its checklist.
          </Alert>
        </Box>
      )}
      {applying.length === 0 && (
        <Box mt={2}>
          <Typography variant="body2" color="textSecondary">
            No checklist item applies to this entity.
          </Typography>
        </Box>
      )}
      {CATEGORY_ORDER.map(category => {
        const items = applying.filter(e => e.category === category);
        if (items.length === 0) return null;
        // counted by the same rules as the whole checklist (exemptions leave the denominator)
        const progress = progressOf(items);
        return (
          <Box
            component="section"
            mt={3}
            key={category}
            aria-label={CATEGORY_LABELS[category]}
          >
            <Typography variant="h6" component="h3">
              {CATEGORY_LABELS[category]}{' '}
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {progress.done}/{progress.applicable} done
              </Typography>
            </Typography>
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map(entry => (
                <ChecklistItemRow
                  key={entry.id}
                  entry={entry}
                  editable={editable}
                  pending={Boolean(checklist.pending[entry.id])}
                  notice={checklist.notices[entry.id]}
                  owners={owners}
                  rollouts={rolloutMarks[entry.id]}
                  onChange={change => checklist.changeItem(entry.id, change)}
                  onDismissNotice={() => checklist.dismissNotice(entry.id)}
                  onShowHistory={() => setHistoryOf(entry)}
                />
              ))}
            </Box>
          </Box>
        );
      })}
      <Box mt={3}>
        <NotApplicableItems items={notApplying} />
      </Box>
      {historyOf && (
        <ItemHistoryDialog
          entityRef={entityRef}
          itemId={historyOf.id}
          itemTitle={historyOf.title}
          onClose={() => setHistoryOf(undefined)}
        />
      )}
    </InfoCard>
  );
};
