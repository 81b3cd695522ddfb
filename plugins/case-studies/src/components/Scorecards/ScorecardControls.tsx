import { FormEvent } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  SCORECARD_GROUP_BY,
  ScorecardGroupBy,
} from '@case-studies/plugin-case-studies-common';
import { LabelledSwitch } from '../shared/LabelledSwitch';
import { GROUP_BY_LABELS } from './scorecardFormat';
import { SCORECARD_FILTERS, ScorecardQuery } from './scorecardQuery';

const FILTER_LABELS: Record<(typeof SCORECARD_FILTERS)[number], string> = {
  kind: 'Kind',
  type: 'Type',
  lifecycle: 'Lifecycle',
};

const FILTER_EXAMPLES: Record<(typeof SCORECARD_FILTERS)[number], string> = {
  kind: 'Component',
  type: 'service',
  lifecycle: 'production',
};

/**
 * The kind, type and lifecycle filters. They apply on Enter or the button,
 * not on each key, since every change asks the backend for a new report.
 */
const FiltersForm = (props: {
  query: ScorecardQuery;
  onChange: (query: ScorecardQuery) => void;
}) => {
  const { query, onChange } = props;
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = event.currentTarget.elements;
    const next = { ...query };
    for (const name of SCORECARD_FILTERS) {
      const field = fields.namedItem(name) as HTMLInputElement | null;
      const value = field?.value.trim();
      if (value) next[name] = value;
      else delete next[name];
    }
    onChange(next);
  };
  return (
    <Box
      component="form"
      onSubmit={apply}
      aria-label="Filters"
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      gridGap={8}
      // uncontrolled fields, laid anew when the URL's filters change (e.g. on Back)
      key={SCORECARD_FILTERS.map(name => query[name] ?? '').join('\n')}
    >
      {SCORECARD_FILTERS.map(name => (
        <TextField
          key={name}
          id={`scorecard-filter-${name}`}
          name={name}
          label={FILTER_LABELS[name]}
          placeholder={FILTER_EXAMPLES[name]}
          defaultValue={query[name] ?? ''}
          size="small"
          variant="outlined"
          style={{ width: 140 }}
        />
      ))}
      <Button type="submit" variant="outlined" size="small">
        Apply filters
      </Button>
    </Box>
  );
};

/** Grouping, filters, live computation and the CSV download of the report. */
export const ScorecardControls = (props: {
  query: ScorecardQuery;
  onChange: (query: ScorecardQuery) => void;
  live: boolean;
  onLiveChange: (live: boolean) => void;
  onDownload: () => void;
  downloading: boolean;
}) => {
  const { query, onChange, live, onLiveChange, onDownload, downloading } =
    props;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
      <TextField
        id="scorecard-group-by"
        select
        label="Group by"
        value={query.groupBy}
        // a group of one grouping is not a group of another
        onChange={event =>
          onChange({
            ...query,
            groupBy: event.target.value as ScorecardGroupBy,
            group: undefined,
          })
        }
        size="small"
        variant="outlined"
        SelectProps={{ native: true }}
        style={{ width: 140 }}
      >
        {SCORECARD_GROUP_BY.map(groupBy => (
          <option key={groupBy} value={groupBy}>
            {GROUP_BY_LABELS[groupBy]}
          </option>
        ))}
      </TextField>
      <FiltersForm query={query} onChange={onChange} />
      <LabelledSwitch
        label="Compute live"
        checked={live}
        onChange={onLiveChange}
      />
      <Box flex={1} />
      <Button
        variant="contained"
        color="primary"
        startIcon={<GetAppIcon />}
        onClick={onDownload}
        disabled={downloading}
      >
        Download CSV
      </Button>
    </Box>
  );
};
