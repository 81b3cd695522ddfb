import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { cleanTargetValues } from './rolloutFormValues';

/**
 * One field of a target as chips: suggestions to pick, or any typed value.
 * Typed text becomes a chip on Enter, on a comma, and when the field loses
 * focus, so nothing typed is silently dropped when the user moves on.
 */
export const RolloutFormTargetField = (props: {
  label: string;
  helperText: string;
  values: string[];
  suggestions: string[];
  onChange: (values: string[]) => void;
  error?: string;
  disabled?: boolean;
}) => {
  const { label, helperText, values, suggestions, onChange, error, disabled } =
    props;
  const [input, setInput] = useState('');

  const commit = (text: string) => {
    if (text.trim()) onChange(cleanTargetValues([...values, text]));
    setInput('');
  };

  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      filterSelectedOptions
      disabled={disabled}
      options={suggestions}
      value={values}
      inputValue={input}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input' && text.includes(',')) {
          // a comma ends a value: keep what follows it as the new input
          const end = text.lastIndexOf(',');
          onChange(cleanTargetValues([...values, text.slice(0, end)]));
          setInput(text.slice(end + 1).trimStart());
        } else {
          setInput(text);
        }
      }}
      onChange={(_event, next) => {
        onChange(cleanTargetValues(next));
        setInput('');
      }}
      onBlur={() => commit(input)}
      ChipProps={{ size: 'small' }}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          margin="dense"
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
    />
  );
};
