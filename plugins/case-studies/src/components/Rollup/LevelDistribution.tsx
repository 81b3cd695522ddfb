import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ScoreLevel } from '@case-studies/plugin-case-studies-common';
import { LEVEL_COLOURS, LEVEL_LABELS } from '../shared/levels';
import { LEVELS_HIGHEST_FIRST, levelsText } from './rollupFormat';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    overflow: 'hidden',
    background: theme.palette.action.hover,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: theme.spacing(0.75, 0, 0),
    padding: 0,
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: 2,
    marginRight: theme.spacing(0.5),
  },
}));

/** A stacked bar of how many entities reached each level, highest first, in the levels' colours. */
export const LevelBar = (props: {
  levels: Record<ScoreLevel, number>;
  /** in pixels; a table row wants a thinner bar than a card */
  height?: number;
}) => {
  const { levels, height = 12 } = props;
  const classes = useStyles();
  const total = LEVELS_HIGHEST_FIRST.reduce((sum, l) => sum + levels[l], 0);
  return (
    <Box
      className={classes.bar}
      style={{ height, borderRadius: height / 2 }}
      role="img"
      aria-label={`Levels: ${levelsText(levels)}`}
    >
      {total > 0 &&
        LEVELS_HIGHEST_FIRST.filter(l => levels[l] > 0).map(level => (
          <Box
            key={level}
            style={{
              width: `${(levels[level] / total) * 100}%`,
              background: LEVEL_COLOURS[level],
            }}
          />
        ))}
    </Box>
  );
};

/** How many entities reached each level: a stacked bar and a legend with the counts. */
export const LevelDistribution = (props: {
  levels: Record<ScoreLevel, number>;
}) => {
  const { levels } = props;
  const classes = useStyles();
  return (
    <Box>
      <LevelBar levels={levels} />
      <ul className={classes.legend} aria-label="Level distribution">
        {LEVELS_HIGHEST_FIRST.map(level => (
          <Typography component="li" variant="body2" key={level}>
            <span
              className={classes.swatch}
              style={{ background: LEVEL_COLOURS[level] }}
            />
            {LEVEL_LABELS[level]}: {levels[level]}
          </Typography>
        ))}
      </ul>
    </Box>
  );
};
