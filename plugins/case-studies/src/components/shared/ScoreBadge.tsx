import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import type {
  EntityScore,
  ScoreLevel,
} from '@case-studies/plugin-case-studies-common';
import { LEVEL_COLOURS, LEVEL_LABELS } from './levels';

const useStyles = makeStyles(theme => ({
  level: {
    fontWeight: 600,
    border: `2px solid`,
    background: 'transparent',
  },
  score: { fontWeight: 700, marginRight: theme.spacing(1) },
}));

/** A level as a small outlined chip in its colour. */
export const LevelChip = (props: { level: ScoreLevel }) => {
  const classes = useStyles();
  const { level } = props;
  return (
    <Chip
      size="small"
      label={LEVEL_LABELS[level]}
      className={classes.level}
      style={{ borderColor: LEVEL_COLOURS[level] }}
      aria-label={`Level: ${LEVEL_LABELS[level]}`}
    />
  );
};

/** `Score 62 · Silver`: the entity's score (completion minus penalties) and its level. */
export const ScoreBadge = (props: {
  score: Pick<EntityScore, 'score' | 'level'>;
  size?: 'small' | 'large';
}) => {
  const { score, size = 'small' } = props;
  const classes = useStyles();
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <Typography
        className={classes.score}
        variant={size === 'large' ? 'h4' : 'subtitle1'}
        component="span"
        aria-label={`Score ${score.score} out of 100`}
      >
        Score {score.score}
      </Typography>
      <LevelChip level={score.level} />
    </Box>
  );
};
