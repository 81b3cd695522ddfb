import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/** A bar and its percent: `████░░░░ 33%`; the bar is named for screen readers. */
export const RolloutPercent = (props: {
  percent: number;
  /** `Idempotency keys everywhere: 33% done` */
  label: string;
  width?: number | string;
}) => {
  const { percent, label, width = 120 } = props;
  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <Box width={width}>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label={label}
          style={{ height: 8, borderRadius: 4 }}
        />
      </Box>
      <Typography variant="body2" component="span">
        {percent}%
      </Typography>
    </Box>
  );
};
