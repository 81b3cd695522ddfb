import { useMemo } from 'react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  ROLLOUT_LIMITS,
  type ChecklistCategory,
} from '@case-studies/plugin-case-studies-common';
import { CATEGORY_LABELS, CATEGORY_ORDER } from '../shared/format';
import { useKnowledge } from '../shared/useKnowledge';

interface ItemOption {
  id: string;
  title: string;
  /** absent for an id the knowledge base no longer has */
  category?: ChecklistCategory;
}

/** The checklist items a rollout asks for, picked by title from the knowledge base, grouped by category. */
export const RolloutFormItemsField = (props: {
  itemIds: string[];
  onChange: (itemIds: string[]) => void;
  error?: string;
  disabled?: boolean;
}) => {
  const { itemIds, onChange, error, disabled } = props;
  const knowledge = useKnowledge();
  const options = useMemo<ItemOption[]>(
    () =>
      [...(knowledge.value?.checklist ?? [])]
        // stable: within a category, the knowledge base's order
        .sort(
          (a, b) =>
            CATEGORY_ORDER.indexOf(a.category) -
            CATEGORY_ORDER.indexOf(b.category),
        )
        .map(({ id, title, category }) => ({ id, title, category })),
    [knowledge.value],
  );
  const byId = useMemo(
    () => new Map(options.map(option => [option.id, option])),
    [options],
  );
  const value = itemIds.map(id => byId.get(id) ?? { id, title: id });

  let helperText =
    error ??
    `What the targeted entities must complete (at most ${ROLLOUT_LIMITS.items})`;
  if (!error && knowledge.error) {
    helperText = `Could not load the checklist: ${knowledge.error.message}`;
  }

  return (
    <Autocomplete
      multiple
      filterSelectedOptions
      disabled={disabled}
      options={options}
      loading={knowledge.loading}
      value={value}
      onChange={(_event, next) => onChange(next.map(option => option.id))}
      getOptionLabel={option => option.title}
      getOptionSelected={(option, selected) => option.id === selected.id}
      groupBy={option =>
        option.category ? CATEGORY_LABELS[option.category] : 'Other'
      }
      ChipProps={{ size: 'small' }}
      renderInput={params => (
        <TextField
          {...params}
          label="Checklist items"
          required
          margin="normal"
          error={Boolean(error || knowledge.error)}
          helperText={helperText}
        />
      )}
    />
  );
};
