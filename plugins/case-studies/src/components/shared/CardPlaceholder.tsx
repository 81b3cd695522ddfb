import { InfoCard, Progress } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';

/**
 * What an overview card shows before it has its data: progress while it
 * loads, or what failed with a button to try again.
 */
export const CardPlaceholder = (props: {
  title: string;
  loading: boolean;
  error?: Error;
  /** `Could not load the case studies`, followed by the error's message */
  failure: string;
  onRetry: () => void;
}) => (
  <InfoCard title={props.title}>
    {props.loading ? (
      <Progress />
    ) : (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={props.onRetry}>
            Try again
          </Button>
        }
      >
        {props.failure}: {props.error?.message ?? 'no answer'}
      </Alert>
    )}
  </InfoCard>
);
