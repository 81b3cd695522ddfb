import { useState, type FormEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  ROLLOUT_LIMITS,
  ROLLOUT_TARGET_FIELDS,
  ROLLOUT_TRANSITIONS,
  type Rollout,
  type RolloutState,
} from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef, isRolloutConflictError } from '../../api';
import { RolloutFormConflict } from './RolloutFormConflict';
import { RolloutFormItemsField } from './RolloutFormItemsField';
import { useTargetSuggestions } from './RolloutFormSuggestions';
import { RolloutFormTargetField } from './RolloutFormTargetField';
import {
  changedFieldsOf,
  CREATE_STATES,
  newRolloutFormValues,
  rolloutFormValuesOf,
  rolloutInputOf,
  rolloutPatchOf,
  serverErrorsOf,
  validateRolloutForm,
  type RolloutFormErrors,
  type RolloutFormField,
  type RolloutFormValues,
  type RolloutTargetField,
} from './rolloutFormValues';

export interface RolloutFormDialogProps {
  open: boolean;
  /** the rollout to edit; absent to create one */
  rollout?: Rollout;
  onClose: () => void;
  /** after the backend accepted the create or change */
  onSaved: (rollout: Rollout) => void;
}

const STATE_LABELS: Record<RolloutState, string> = {
  draft: 'Draft',
  active: 'Active',
  done: 'Done',
  archived: 'Archived',
};

const TARGET_LABELS: Record<
  RolloutTargetField,
  { label: string; helperText: string }
> = {
  kinds: { label: 'Kinds', helperText: 'Any of these kinds' },
  types: { label: 'Types', helperText: 'Any of these spec.type values' },
  owners: {
    label: 'Owners',
    helperText: 'Owned by any of these (payments-team, group:default/…)',
  },
  systems: { label: 'Systems', helperText: 'Part of any of these systems' },
  domains: { label: 'Domains', helperText: 'In any of these domains' },
  tags: { label: 'Tags', helperText: 'Tagged with every one of these' },
  lifecycles: {
    label: 'Lifecycles',
    helperText: 'Any of these lifecycles (production, experimental, …)',
  },
};

/** The backend's message of a failed request. */
function messageOf(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Today in the user's time zone, as the date inputs show days. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/** The fields whose server-side message a change to `field` makes stale. */
function staleServerErrors(field: RolloutFormField): RolloutFormField[] {
  if (field.startsWith('target.')) return [field, 'target'];
  // the backend checks the due date against the start date
  if (field === 'startDate') return [field, 'dueDate'];
  return [field];
}

const RolloutForm = (props: RolloutFormDialogProps) => {
  const { onClose, onSaved } = props;
  const api = useApi(caseStudiesApiRef);
  const { suggestions, unavailable } = useTargetSuggestions();

  /** the rollout being edited, as the change is based on it: the given one, or their version after a conflict */
  const [base, setBase] = useState<Rollout | undefined>(props.rollout);
  const [values, setValues] = useState<RolloutFormValues>(() =>
    props.rollout
      ? rolloutFormValuesOf(props.rollout)
      : newRolloutFormValues(localToday()),
  );
  /** client-side messages show from the first attempt to save on, and then follow every change */
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<RolloutFormErrors>({});
  const [failure, setFailure] = useState<string>();
  const [conflict, setConflict] = useState<Rollout>();
  const [reloaded, setReloaded] = useState(false);
  const [saving, setSaving] = useState(false);

  const clientErrors = attempted ? validateRolloutForm(values, base) : {};
  const errorOf = (field: RolloutFormField) =>
    clientErrors[field] ?? serverErrors[field];
  const unchanged =
    base !== undefined &&
    changedFieldsOf(rolloutPatchOf(base, values)).length === 0;

  const forgetServerErrors = (field: RolloutFormField) =>
    setServerErrors(previous => {
      const next = { ...previous };
      for (const stale of staleServerErrors(field)) delete next[stale];
      return next;
    });
  const change = <K extends Exclude<keyof RolloutFormValues, 'target'>>(
    field: K,
    value: RolloutFormValues[K],
  ) => {
    setValues(previous => ({ ...previous, [field]: value }));
    forgetServerErrors(field);
  };
  const changeTarget = (field: RolloutTargetField, list: string[]) => {
    setValues(previous => ({
      ...previous,
      target: { ...previous.target, [field]: list },
    }));
    forgetServerErrors(`target.${field}`);
  };

  const loadTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    setValues(rolloutFormValuesOf(conflict));
    setConflict(undefined);
    setServerErrors({});
    setFailure(undefined);
    setAttempted(false);
    setReloaded(true);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(validateRolloutForm(values, base)).length > 0) return;
    setSaving(true);
    setFailure(undefined);
    setConflict(undefined);
    setServerErrors({});
    try {
      const saved = base
        ? await api.updateRollout(base.id, rolloutPatchOf(base, values))
        : await api.createRollout(rolloutInputOf(values));
      onSaved(saved);
    } catch (error) {
      if (isRolloutConflictError(error)) {
        setConflict(error.current);
      } else if (error instanceof ResponseError && error.statusCode === 400) {
        const { fields, general } = serverErrorsOf(messageOf(error));
        setServerErrors(fields);
        setFailure(general);
      } else {
        setFailure(messageOf(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const stateOptions: RolloutState[] = base
    ? [base.state, ...ROLLOUT_TRANSITIONS[base.state]]
    : [...CREATE_STATES];
  const targetError = errorOf('target');
  const blocked = attempted && Object.keys(clientErrors).length > 0;

  return (
    <form
      noValidate
      onSubmit={save}
      style={{ display: 'contents' }}
      aria-labelledby="rollout-form-title"
    >
      <DialogTitle id="rollout-form-title">
        {base ? `Edit “${base.title}”` : 'New rollout'}
      </DialogTitle>
      <DialogContent dividers>
        {conflict && base && (
          <RolloutFormConflict
            base={base}
            current={conflict}
            onLoadTheirs={loadTheirs}
          />
        )}
        {reloaded && !conflict && (
          <Alert severity="info" onClose={() => setReloaded(false)}>
            The form now shows their version {base?.version}. Make your change
            again and save.
          </Alert>
        )}
        {failure && (
          <Alert severity="error" role="alert">
            <AlertTitle>The rollout was not saved</AlertTitle>
            {failure}
          </Alert>
        )}
        <TextField
          id="rollout-title"
          label="Title"
          required
          fullWidth
          margin="normal"
          value={values.title}
          onChange={event => change('title', event.target.value)}
          error={Boolean(errorOf('title'))}
          helperText={
            errorOf('title') ??
            'What every targeted team should do, e.g. “Payments services adopt idempotency keys”'
          }
        />
        <TextField
          id="rollout-description"
          label="Description"
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          value={values.description}
          onChange={event => change('description', event.target.value)}
          error={Boolean(errorOf('description'))}
          helperText={
            errorOf('description') ??
            `Why, and where to get help (${values.description.length}/${ROLLOUT_LIMITS.description})`
          }
        />
        <RolloutFormItemsField
          itemIds={values.itemIds}
          onChange={itemIds => change('itemIds', itemIds)}
          error={errorOf('itemIds')}
        />
        <FormControl
          component="fieldset"
          margin="normal"
          fullWidth
          error={Boolean(targetError)}
        >
          <FormLabel component="legend" required>
            Target
          </FormLabel>
          <FormHelperText>
            {targetError ??
              'The entities that must complete the items: those matching every field filled in below.'}
            {unavailable &&
              ' Suggestions from the catalog are unavailable; type values and press Enter.'}
          </FormHelperText>
          <Grid container spacing={2}>
            {ROLLOUT_TARGET_FIELDS.map(field => (
              <Grid item xs={12} sm={6} key={field}>
                <RolloutFormTargetField
                  label={TARGET_LABELS[field].label}
                  helperText={TARGET_LABELS[field].helperText}
                  values={values.target[field]}
                  suggestions={suggestions[field]}
                  onChange={list => changeTarget(field, list)}
                  error={errorOf(`target.${field}`)}
                />
              </Grid>
            ))}
          </Grid>
        </FormControl>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={6}>
            <TextField
              id="rollout-start-date"
              label="Start date"
              type="date"
              required
              fullWidth
              margin="normal"
              InputLabelProps={{ shrink: true }}
              value={values.startDate}
              onChange={event => change('startDate', event.target.value)}
              error={Boolean(errorOf('startDate'))}
              helperText={errorOf('startDate') ?? 'When teams should begin'}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="rollout-due-date"
              label="Due date"
              type="date"
              required
              fullWidth
              margin="normal"
              InputLabelProps={{ shrink: true }}
              inputProps={{ min: values.startDate || undefined }}
              value={values.dueDate}
              onChange={event => change('dueDate', event.target.value)}
              error={Boolean(errorOf('dueDate'))}
              helperText={
                errorOf('dueDate') ??
                'Items still open after this day are overdue'
              }
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="rollout-state"
              label="State"
              select
              fullWidth
              margin="normal"
              SelectProps={{ native: true }}
              value={values.state}
              onChange={event =>
                change('state', event.target.value as RolloutState)
              }
              error={Boolean(errorOf('state'))}
              helperText={
                errorOf('state') ??
                'Entity pages show a rollout while it is active'
              }
            >
              {stateOptions.map(state => (
                <option key={state} value={state}>
                  {STATE_LABELS[state]}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} sm={6}>
            <FormControl
              margin="normal"
              error={Boolean(errorOf('requireExemptionApproval'))}
            >
              <FormControlLabel
                control={
                  <Checkbox
                    color="primary"
                    checked={values.requireExemptionApproval}
                    onChange={event =>
                      change('requireExemptionApproval', event.target.checked)
                    }
                  />
                }
                label="Exemptions need approval"
              />
              <FormHelperText>
                {errorOf('requireExemptionApproval') ??
                  'An exemption of these items counts as open until a platform-group member approves it'}
              </FormHelperText>
            </FormControl>
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        {blocked && (
          <Typography variant="body2" color="error" role="status">
            Fix the fields marked in red first.
          </Typography>
        )}
        <Button onClick={onClose}>Cancel</Button>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={saving || unchanged}
        >
          {base ? 'Save changes' : 'Create rollout'}
        </Button>
      </DialogActions>
    </form>
  );
};

/** Creates a rollout, or edits one: the agreed entry point for the list and the rollout page. */
export const RolloutFormDialog = (props: RolloutFormDialogProps) => (
  <Dialog
    open={props.open}
    // a stray click outside must not throw away a half-written rollout
    onClose={(_event, reason) => {
      if (reason !== 'backdropClick') props.onClose();
    }}
    aria-labelledby="rollout-form-title"
    fullWidth
    maxWidth="md"
    scroll="paper"
  >
    {/* mounted only while open, so every opening starts from the rollout as given */}
    <RolloutForm {...props} />
  </Dialog>
);
