import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';

/** An on/off setting of a view, with its label: "Include sub-teams", "Compute live". */
export const LabelledSwitch = (props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) => (
  <FormControlLabel
    control={
      <Switch
        checked={props.checked}
        onChange={event => props.onChange(event.target.checked)}
        color="primary"
      />
    }
    label={props.label}
  />
);
