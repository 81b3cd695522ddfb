import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';

/** An error from the backend, with a button to try again. */
export const LoadError = (props: {
  error: Error;
  title: string;
  onRetry: () => void;
}) => (
  <Box>
    <ResponseErrorPanel error={props.error} title={props.title} />
    <Box mt={1}>
      <Button variant="outlined" color="primary" onClick={props.onRetry}>
        Try again
      </Button>
    </Box>
  </Box>
);
