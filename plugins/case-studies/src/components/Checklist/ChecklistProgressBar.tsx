import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { ChecklistProgress } from '@case-studies/plugin-case-studies-common';

/** `████████░░ 8/13 done (61%) · weighted completion 62`. */
export const ChecklistProgressBar = (props: {
  progress: ChecklistProgress;
}) => {
  const { progress } = props;
  return (
    <Box>
      <LinearProgress
        variant="determinate"
        value={progress.percent}
        aria-label={`Checklist progress: ${progress.done} of ${progress.applicable} done`}
        style={{ height: 10, borderRadius: 5 }}
      />
      <Typography variant="body2" style={{ marginTop: 4 }}>
        <strong>
          {progress.done}/{progress.applicable} done
        </strong>{' '}
        ({progress.percent}%) · weighted completion {progress.weightedScore}
        {progress.exempted > 0 && ` · ${progress.exempted} exempted`}
      </Typography>
    </Box>
  );
};
