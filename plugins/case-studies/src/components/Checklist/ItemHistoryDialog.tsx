import { useCallback, useEffect, useState } from 'react';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { ChecklistHistoryEntry } from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef } from '../../api';
import {
  absoluteTime,
  displayName,
  relativeTime,
  STATUS_LABELS,
} from '../shared/format';

const PAGE_SIZE = 20;

/** The audit trail of one checklist item, newest first, loaded when opened. */
export const ItemHistoryDialog = (props: {
  entityRef: CompoundEntityRef;
  itemId: string;
  itemTitle: string;
  onClose: () => void;
}) => {
  const { entityRef, itemId, itemTitle, onClose } = props;
  const api = useApi(caseStudiesApiRef);
  const [entries, setEntries] = useState<ChecklistHistoryEntry[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | undefined>();

  const load = useCallback(
    async (from?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.getChecklistHistory(entityRef, {
          itemId,
          limit: PAGE_SIZE,
          cursor: from,
        });
        setEntries(current =>
          from ? [...current, ...page.items] : page.items,
        );
        setCursor(page.nextCursor);
      } catch (e) {
        setError(e instanceof Error ? e : new Error(String(e)));
      } finally {
        setLoading(false);
      }
    },
    // the ref object is rebuilt on every render; its parts identify it
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef.kind, entityRef.namespace, entityRef.name, itemId],
  );

  useEffect(() => {
    load();
  }, [load]);

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="item-history-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="item-history-dialog-title">
        History of “{itemTitle}”
      </DialogTitle>
      <DialogContent>
        {error && (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => load()}>
                Try again
              </Button>
            }
          >
            Could not load the history: {error.message}
          </Alert>
        )}
        {!loading && !error && entries.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            Nobody has changed this item yet.
          </Typography>
        )}
        {entries.length > 0 && (
          <List dense aria-label="Changes, newest first">
            {entries.map(entry => (
              <ListItem key={entry.id} divider alignItems="flex-start">
                <ListItemText
                  primary={
                    <>
                      {displayName(entry.changedBy)}:{' '}
                      {entry.previousStatus
                        ? `${STATUS_LABELS[entry.previousStatus]} → `
                        : ''}
                      {STATUS_LABELS[entry.status]}
                    </>
                  }
                  secondary={
                    <>
                      <span title={absoluteTime(entry.changedAt)}>
                        {relativeTime(entry.changedAt)}
                      </span>
                      {entry.note && <> · “{entry.note}”</>}
                      {entry.evidenceUrl && (
                        <>
                          {' · '}
                          <Link to={entry.evidenceUrl}>evidence</Link>
                        </>
                      )}
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
        {loading && <Progress />}
      </DialogContent>
      <DialogActions>
        {cursor && !loading && (
          <Button onClick={() => load(cursor)}>Load older changes</Button>
        )}
        <Button onClick={onClose} color="primary">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
};
