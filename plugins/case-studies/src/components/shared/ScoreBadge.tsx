import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import type { ChecklistProgress } from '@case-studies/plugin-case-studies-common';
import { SCORE_LEVEL_LABELS, scoreLevel, ScoreLevel } from './scoreLevel';

const LEVEL_COLOURS: Record<ScoreLevel, string> = {
  gold: '#c9a227',
  silver: '#8e9aa6',
  bronze: '#a0643c',
  none: 'transparent',
};

const useStyles = makeStyles(theme => ({
  level: {
    fontWeight: 600,
    border: `2px solid`,
    background: 'transparent',
  },
  score: { fontWeight: 700, marginRight: theme.spacing(1) },
}));

/** `Score 62 · Silver`: the weighted checklist score and its level. */
export const ScoreBadge = (props: {
  progress: ChecklistProgress;
  size?: 'small' | 'large';
}) => {
  const { progress, size = 'small' } = props;
  const classes = useStyles();
  const level = scoreLevel(progress.weightedScore);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <Typography
        className={classes.score}
        variant={size === 'large' ? 'h4' : 'subtitle1'}
        component="span"
        aria-label={`Score ${progress.weightedScore} out of 100`}
      >
        Score {progress.weightedScore}
      </Typography>
      <Chip
        size="small"
        label={SCORE_LEVEL_LABELS[level]}
        className={classes.level}
        style={{ borderColor: LEVEL_COLOURS[level] }}
        aria-label={`Level: ${SCORE_LEVEL_LABELS[level]}`}
      />
    </Box>
  );
};
