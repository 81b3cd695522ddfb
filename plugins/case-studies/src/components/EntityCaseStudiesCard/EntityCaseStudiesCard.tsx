import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ChecklistProgressBar } from '../Checklist/ChecklistProgressBar';
import { ALERT_SEVERITY } from '../AntipatternAlerts/AntipatternAlerts';
import { ScoreExplanation } from '../ScoreExplanation';
import { CardPlaceholder } from '../shared/CardPlaceholder';
import { bySeverity } from '../shared/format';
import { ScoreBadge } from '../shared/ScoreBadge';
import { useGuidance } from '../shared/useGuidance';

/**
 * The overview-page card: score and level with what makes them up, the most severe
 * warning, the most similar company, and a link to the Case Studies tab
 * (expected at `case-studies` next to the overview).
 *
 * @public
 */
export const EntityCaseStudiesCard = () => {
  const { entity } = useEntity();
  const { value, loading, error, retry } = useGuidance(entity);
  const deepLink = { title: 'Open Case Studies', link: 'case-studies' };

  if (error || !value) {
    return (
      <CardPlaceholder
        title="Case Studies"
        loading={loading && !value}
        error={error}
        failure="Could not load the case studies"
        onRetry={retry}
      />
    );
  }

  const [topWarning] = bySeverity(value.antipatterns);
  const [topCompany] = value.companies;
  return (
    <InfoCard title="Case Studies" deepLink={deepLink}>
      <ScoreBadge score={value.score} size="large" />
      <Box mt={1}>
        <ScoreExplanation
          score={value.score}
          entries={value.checklist}
          warnings={value.antipatterns}
          rules={value.scoring}
          items={2}
        />
      </Box>
      <Box mt={1}>
        <ChecklistProgressBar progress={value.progress} />
      </Box>
      {topCompany && (
        <Typography variant="body2" style={{ marginTop: 12 }}>
          Most like <strong>{topCompany.name}</strong> (similarity{' '}
          {topCompany.score})
        </Typography>
      )}
      <Box mt={2}>
        {topWarning ? (
          <Alert severity={ALERT_SEVERITY[topWarning.severity]}>
            <AlertTitle>
              {topWarning.severity.toUpperCase()} · {topWarning.title}
            </AlertTitle>
            {topWarning.remedy}
            {value.antipatterns.length > 1 &&
              ` (${value.antipatterns.length - 1} more warning${
                value.antipatterns.length > 2 ? 's' : ''
              } on the tab)`}
          </Alert>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No antipatterns detected.
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
};
