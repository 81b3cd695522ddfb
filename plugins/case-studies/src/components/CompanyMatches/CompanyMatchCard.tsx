import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Collapse from '@material-ui/core/Collapse';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type {
  AttributeComparison,
  CompanyMatch,
  Source,
} from '@case-studies/plugin-case-studies-common';
import { SourceLinks } from '../shared/SourceLinks';

const useStyles = makeStyles(theme => ({
  card: { padding: theme.spacing(2) },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  score: { fontWeight: 700, whiteSpace: 'nowrap' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  matched: {
    borderColor: theme.palette.success.main,
    color: theme.palette.success.dark,
  },
  unmatched: {
    borderColor: theme.palette.text.disabled,
    color: theme.palette.text.secondary,
  },
}));

function matchedLabel(c: AttributeComparison): string {
  return `${c.attribute} ${c.shared.join(', ') || c.service.join(', ')} ✓`;
}

function unmatchedLabel(c: AttributeComparison): string {
  const theirs = c.company.length ? c.company.join(', ') : 'not stated';
  return `${c.attribute} ${c.service.join(', ')} ✗ (${theirs})`;
}

/** One company ranked by similarity: why it matched, what not to copy, its key decisions and sources. */
export const CompanyMatchCard = (props: {
  company: CompanyMatch;
  rank: number;
  sources?: Source[];
}) => {
  const { company, rank, sources } = props;
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  const detailsId = `company-${company.id}-details`;

  return (
    <Paper
      variant="outlined"
      className={classes.card}
      component="article"
      aria-label={`${company.name}, similarity ${company.score}`}
    >
      <div className={classes.header}>
        <Typography variant="h6" component="h3">
          {rank}. {company.name}
          {company.small && (
            <Chip
              size="small"
              label="small company"
              style={{ marginLeft: 8 }}
            />
          )}
        </Typography>
        <Typography
          className={classes.score}
          variant="h6"
          component="span"
          title="Similarity, 0 to 100"
        >
          {company.score}
          <Typography variant="caption" component="span">
            {' '}
            / 100
          </Typography>
        </Typography>
      </div>

      <Box className={classes.chips} mt={1} aria-label="Matching attributes">
        {company.matched.map(c => (
          <Chip
            key={`m-${c.attribute}`}
            size="small"
            variant="outlined"
            className={classes.matched}
            label={matchedLabel(c)}
            aria-label={`${c.attribute} matches: ${c.shared.join(', ')}`}
          />
        ))}
        {company.unmatched.map(c => (
          <Chip
            key={`u-${c.attribute}`}
            size="small"
            variant="outlined"
            className={classes.unmatched}
            label={unmatchedLabel(c)}
            aria-label={`${c.attribute} differs: this service ${c.service.join(
              ', ',
            )}, ${company.name} ${c.company.join(', ') || 'not stated'}`}
          />
        ))}
      </Box>

      {company.caveats.map(caveat => (
        <Box mt={1} key={caveat.text}>
          <Alert severity="warning">
            <strong>Don't copy when:</strong> {caveat.text}
            <Typography variant="caption" component="div">
              Applies because {caveat.explanation}
            </Typography>
          </Alert>
        </Box>
      ))}

      {company.decisions[0] && (
        <Typography variant="body2" component="p" style={{ marginTop: 8 }}>
          <strong>{company.decisions[0].what}</strong> —{' '}
          {company.decisions[0].why}
        </Typography>
      )}

      <Button
        size="small"
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => setExpanded(shown => !shown)}
      >
        {expanded ? 'Less' : `More about ${company.name}`}
      </Button>
      <div id={detailsId}>
        <Collapse in={expanded} unmountOnExit>
          <Typography variant="body2" paragraph>
            {company.summary}
          </Typography>
          {company.decisions.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h4">
                Key decisions
              </Typography>
              <ul>
                {company.decisions.map(d => (
                  <li key={d.what}>
                    <Typography variant="body2" component="span">
                      <strong>{d.what}</strong>
                      {d.year ? ` (${d.year})` : ''} — {d.why}
                    </Typography>
                  </li>
                ))}
              </ul>
            </>
          )}
          {company.copyWhen.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h4">
                Copy when
              </Typography>
              <ul>
                {company.copyWhen.map(text => (
                  <li key={text}>
                    <Typography variant="body2" component="span">
                      {text}
                    </Typography>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Collapse>
      </div>
      {sources && <SourceLinks sources={sources} />}
    </Paper>
  );
};
