import Typography from '@material-ui/core/Typography';
import type { ScorecardReport } from '@case-studies/plugin-case-studies-common';
import { absoluteTime, relativeTime } from '../shared/format';

const When = (props: { iso: string }) => (
  <time dateTime={props.iso} title={absoluteTime(props.iso)}>
    {relativeTime(props.iso)}
  </time>
);

/**
 * Where the report's figures come from: the snapshot (and the one its
 * changes are measured against), or computed live, and why when the
 * report was not asked to be.
 */
export const ScorecardSourceLine = (props: {
  report: Pick<
    ScorecardReport,
    'source' | 'takenAt' | 'previousTakenAt' | 'knowledgeVersion'
  >;
  /** whether the view asked for a live report */
  requestedLive?: boolean;
}) => {
  const { report, requestedLive } = props;
  return (
    <Typography variant="body2" color="textSecondary">
      {report.source === 'snapshot' ? (
        <>
          From the snapshot taken <When iso={report.takenAt} />
          {report.previousTakenAt && (
            <>
              ; changes since the one taken{' '}
              <When iso={report.previousTakenAt} />
            </>
          )}
        </>
      ) : (
        <>
          Computed live <When iso={report.takenAt} />
          {!requestedLive && ' (no snapshot has been taken yet)'}
        </>
      )}
      {` · knowledge base ${report.knowledgeVersion}`}
    </Typography>
  );
};
