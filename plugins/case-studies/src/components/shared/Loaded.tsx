import { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import { LoadError } from './LoadError';

/**
 * What a view shows for data it loads: progress the first time, what
 * failed with a button to try again, and the view itself once it has the
 * data (kept while it loads again, so a change of filter does not blank it).
 */
export function Loaded<T>(props: {
  state: { value?: T; loading: boolean; error?: Error };
  onRetry: () => void;
  /** `Could not load the knowledge base` */
  failure: string;
  children: (value: T) => ReactNode;
}) {
  const { state, onRetry, failure, children } = props;
  if (state.error && !state.loading) {
    return <LoadError error={state.error} title={failure} onRetry={onRetry} />;
  }
  if (state.value === undefined) {
    return state.loading ? <Progress /> : null;
  }
  return <>{children(state.value)}</>;
}
