import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert, { Color } from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  AntipatternWarning,
  describeEvidence,
  Severity,
} from '@case-studies/plugin-case-studies-common';
import { bySeverity } from '../shared/format';

export const ALERT_SEVERITY: Record<Severity, Color> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'info',
};

/** One detected antipattern: what, the evidence the rule read, why it hurts and the remedy. */
export const AntipatternAlert = (props: { warning: AntipatternWarning }) => {
  const { warning } = props;
  return (
    <Alert
      severity={ALERT_SEVERITY[warning.severity]}
      role="region"
      aria-label={`${warning.severity} warning: ${warning.title}`}
    >
      <AlertTitle>
        {warning.severity.toUpperCase()} · {warning.title}
      </AlertTitle>
      <Typography variant="body2" paragraph>
        {warning.summary}
      </Typography>
      <Typography variant="body2" component="div">
        <strong>Evidence:</strong>
        <ul style={{ marginTop: 0 }}>
          {warning.evidence.map((read, index) => (
            <li key={index}>{describeEvidence(read)}</li>
          ))}
        </ul>
      </Typography>
      <Typography variant="body2" paragraph>
        <strong>Why it hurts:</strong> {warning.whyItHurts}
      </Typography>
      <Typography variant="body2" paragraph>
        <strong>Remedy:</strong> {warning.remedy}
        {warning.remedyPatterns.length > 0 && (
          <> (patterns: {warning.remedyPatterns.map(p => p.name).join(', ')})</>
        )}
      </Typography>
      <Typography variant="caption" component="div">
        Lesson: {warning.lesson.title}
        {warning.companies.length > 0 &&
          ` · seen at ${warning.companies.join(', ')}`}
      </Typography>
    </Alert>
  );
};

/** Antipattern warnings, most severe first; a reassuring line when there are none. */
export const AntipatternAlerts = (props: {
  warnings: AntipatternWarning[];
}) => {
  const warnings = bySeverity(props.warnings);
  return (
    <InfoCard title={`Warnings (${warnings.length})`} variant="gridItem">
      {warnings.length === 0 ? (
        <Alert severity="success">
          No antipatterns detected. Warnings need evidence from the catalog, so
          annotations about this service let more rules check it.
        </Alert>
      ) : (
        <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
          {warnings.map(warning => (
            <AntipatternAlert key={warning.id} warning={warning} />
          ))}
        </Box>
      )}
    </InfoCard>
  );
};
