import { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RollupSummary } from '@case-studies/plugin-case-studies-common';
import { LevelDistribution } from './LevelDistribution';
import { warningsText } from './rollupFormat';

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    margin: 0,
  },
  figure: { margin: 0 },
  value: { fontWeight: 700 },
}));

/** A labelled number: `Mean score` over `45`. */
const Figure = (props: {
  label: string;
  children: ReactNode;
  small?: boolean;
}) => {
  const classes = useStyles();
  return (
    <div>
      <Typography component="dt" variant="caption" color="textSecondary">
        {props.label}
      </Typography>
      <Typography
        component="dd"
        variant={props.small ? 'body1' : 'h5'}
        className={`${classes.figure} ${classes.value}`}
      >
        {props.children}
      </Typography>
    </div>
  );
};

/** Mean and median score, entities, completion, warnings and the level distribution. */
export const RollupSummaryCard = (props: {
  title: string;
  summary: RollupSummary;
  action?: ReactNode;
}) => {
  const { title, summary, action } = props;
  const classes = useStyles();
  return (
    <InfoCard title={title} action={action}>
      <dl className={classes.figures}>
        <Figure label="Mean score">{summary.meanScore ?? '—'}</Figure>
        <Figure label="Median score">{summary.medianScore ?? '—'}</Figure>
        <Figure label="Entities">{summary.entities}</Figure>
        <Figure label="Completion">{summary.percent}%</Figure>
        <Figure label="Warnings" small>
          {warningsText(summary.warnings)}
        </Figure>
      </dl>
      <Box mt={2}>
        <LinearProgress
          variant="determinate"
          value={summary.percent}
          aria-label={`Checklist completion: ${summary.done} of ${summary.applicable} done`}
          style={{ height: 8, borderRadius: 4 }}
        />
        <Typography variant="caption" color="textSecondary">
          {summary.done}/{summary.applicable} applicable items done
          {summary.exempted > 0 && ` · ${summary.exempted} exempted`}
        </Typography>
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          Levels
        </Typography>
        <LevelDistribution levels={summary.levels} />
      </Box>
    </InfoCard>
  );
};
