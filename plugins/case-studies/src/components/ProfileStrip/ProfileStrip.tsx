import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Collapse from '@material-ui/core/Collapse';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import type {
  MissingAnnotation,
  ProfileValue,
  ServiceProfile,
} from '@case-studies/plugin-case-studies-common';
import { ProfileProvenanceTable } from './ProfileProvenanceTable';
import { TellUsMore } from './TellUsMore';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'center',
  },
  source: { opacity: 0.75 },
  unknown: { borderStyle: 'dashed' },
}));

const KIND_LABELS: Record<ProfileValue['source']['kind'], string> = {
  annotation: 'annotation',
  tag: 'tag',
  link: 'link',
  spec: 'spec',
  relation: 'catalog relation',
  inference: 'inferred',
  default: 'default',
};

/** `language ruby, from tag ruby (high confidence)`: a value with its provenance, in words. */
export function describeValue(attribute: string, value: ProfileValue): string {
  return `${attribute} ${value.value}, from ${value.source.detail} (${value.source.confidence} confidence)`;
}

const ValueChip = (props: { attribute: string; value: ProfileValue }) => {
  const { attribute, value } = props;
  const classes = useStyles();
  const description = describeValue(attribute, value);
  return (
    <Tooltip
      title={
        <>
          <div>
            <strong>
              {attribute}: {value.value}
            </strong>
          </div>
          <div>
            {KIND_LABELS[value.source.kind]}: {value.source.detail}
          </div>
          <div>confidence: {value.source.confidence}</div>
        </>
      }
    >
      <Chip
        tabIndex={0}
        variant={value.source.confidence === 'low' ? 'outlined' : 'default'}
        aria-label={description}
        label={
          <span>
            {attribute} <strong>{value.value}</strong>{' '}
            <span className={classes.source}>
              · {KIND_LABELS[value.source.kind]}
            </span>
          </span>
        }
      />
    </Tooltip>
  );
};

/**
 * The service profile as chips, each value with where it came from; unknown
 * attributes invite the owner to add the annotation.
 */
export const ProfileStrip = (props: {
  profile: ServiceProfile;
  tellUsMore: MissingAnnotation[];
}) => {
  const { profile, tellUsMore } = props;
  const classes = useStyles();
  const [showSources, setShowSources] = useState(false);
  const missingByAttribute = new Map(tellUsMore.map(m => [m.attribute, m]));
  const known = Object.entries(profile.attributes).filter(
    ([, values]) => values.length > 0,
  );
  // a sparsely described entity gets the invitation open; others on demand
  const [showTellUsMore, setShowTellUsMore] = useState(
    known.filter(([attribute]) => attribute !== 'lifecycle').length <= 2,
  );

  return (
    <Box>
      <div className={classes.chips} aria-label="Service profile" role="list">
        {known.map(([attribute, values]) =>
          values.map(value => (
            <span role="listitem" key={`${attribute}:${value.value}`}>
              <ValueChip attribute={attribute} value={value} />
            </span>
          )),
        )}
        {profile.unknown.map(attribute => {
          const missing = missingByAttribute.get(attribute);
          return (
            <span role="listitem" key={`unknown:${attribute}`}>
              <Chip
                variant="outlined"
                className={classes.unknown}
                label={`${attribute}: unknown`}
                icon={missing ? <AddIcon /> : undefined}
                onClick={missing ? () => setShowTellUsMore(true) : undefined}
                aria-label={
                  missing
                    ? `${attribute} unknown: add the annotation ${missing.annotation}`
                    : `${attribute} unknown`
                }
              />
            </span>
          );
        })}
      </div>

      {profile.conflicts.length > 0 && (
        <Box mt={2}>
          <Alert severity="info" aria-label="Conflicting sources">
            <Typography variant="body2" component="div">
              Sources disagree; the stronger one was kept:
              <ul>
                {profile.conflicts.map(conflict => (
                  <li key={conflict.attribute}>
                    {conflict.attribute}: kept{' '}
                    {conflict.kept
                      .map(v => `${v.value} (${v.source.detail})`)
                      .join(', ')}{' '}
                    over{' '}
                    {conflict.overridden
                      .map(v => `${v.value} (${v.source.detail})`)
                      .join(', ')}
                  </li>
                ))}
              </ul>
            </Typography>
          </Alert>
        </Box>
      )}

      {profile.rejected.length > 0 && (
        <Box mt={2}>
          <Alert severity="warning">
            <Typography variant="body2" component="div">
              Values that were ignored:
              <ul>
                {profile.rejected.map(rejected => (
                  <li key={`${rejected.detail}:${rejected.value}`}>
                    {rejected.detail}: “{rejected.value}” — {rejected.reason}
                  </li>
                ))}
              </ul>
            </Typography>
          </Alert>
        </Box>
      )}

      <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          size="small"
          aria-expanded={showSources}
          onClick={() => setShowSources(shown => !shown)}
        >
          {showSources ? 'Hide' : 'Show'} where each value came from
        </Button>
        {tellUsMore.length > 0 && (
          <Button
            size="small"
            aria-expanded={showTellUsMore}
            onClick={() => setShowTellUsMore(shown => !shown)}
          >
            {showTellUsMore ? 'Hide' : 'Show'} annotations to add (
            {tellUsMore.length})
          </Button>
        )}
      </Box>
      <Collapse in={showSources} unmountOnExit>
        <ProfileProvenanceTable profile={profile} />
      </Collapse>
      {tellUsMore.length > 0 && (
        <Collapse in={showTellUsMore}>
          <TellUsMore missing={tellUsMore} />
        </Collapse>
      )}
    </Box>
  );
};
