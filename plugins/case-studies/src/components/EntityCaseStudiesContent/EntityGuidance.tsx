import { useMemo } from 'react';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import type { GuidanceResponse } from '@case-studies/plugin-case-studies-common';
import { AntipatternAlerts } from '../AntipatternAlerts/AntipatternAlerts';
import { ChecklistCard, useChecklist } from '../Checklist';
import { CompanyMatches } from '../CompanyMatches/CompanyMatches';
import { LessonsAndPatterns } from '../LessonsAndPatterns/LessonsAndPatterns';
import { ProfileStrip } from '../ProfileStrip/ProfileStrip';
import { ScoreExplanation } from '../ScoreExplanation';
import { EntityScoreHistory } from '../ScoreHistory';
import { EntityRolloutsCard, showsRollouts } from '../EntityRollouts';
import { ownersOf } from '../shared/format';
import { LoadError } from '../shared/LoadError';
import { ScoreBadge } from '../shared/ScoreBadge';
import { useChecklistPermission } from '../shared/useChecklistPermission';
import { rolloutMarksOf, useEntityRollouts } from '../shared/useEntityRollouts';
import { useGuidance } from '../shared/useGuidance';
import { useKnowledge } from '../shared/useKnowledge';

function isEmpty(guidance: GuidanceResponse): boolean {
  return (
    guidance.companies.length === 0 &&
    guidance.lessons.length === 0 &&
    guidance.patterns.length === 0 &&
    guidance.antipatterns.length === 0 &&
    guidance.checklist.length === 0
  );
}

const GuidanceView = (props: {
  entity: Entity;
  guidance: GuidanceResponse;
}) => {
  const { entity, guidance } = props;
  const ref = stringifyEntityRef(entity);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [ref]);
  const permission = useChecklistPermission(ref);
  const checklist = useChecklist({
    entityRef,
    initial: guidance.checklist,
    warnings: guidance.antipatterns,
    rules: guidance.scoring,
  });
  const knowledge = useKnowledge();
  const owners = ownersOf(entity);
  const rollouts = useEntityRollouts(ref);
  const itemTitles = useMemo(
    () => Object.fromEntries(guidance.checklist.map(e => [e.id, e.title])),
    [guidance.checklist],
  );

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <InfoCard
          title="Profile"
          subheader="What the catalog says about this entity, and where each value came from"
          action={<ScoreBadge score={checklist.score} />}
        >
          <ProfileStrip
            profile={guidance.profile}
            tellUsMore={guidance.tellUsMore}
          />
          <Box mt={2}>
            <ScoreExplanation
              score={checklist.score}
              entries={checklist.entries}
              warnings={guidance.antipatterns}
              rules={guidance.scoring}
            />
          </Box>
          <Box mt={1}>
            <EntityScoreHistory entityRef={entityRef} />
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <CompanyMatches
          companies={guidance.companies}
          knowledge={knowledge.value}
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <AntipatternAlerts warnings={guidance.antipatterns} />
      </Grid>
      <Grid item xs={12}>
        <LessonsAndPatterns
          lessons={guidance.lessons}
          patterns={guidance.patterns}
        />
      </Grid>
      {showsRollouts(rollouts) && (
        <Grid item xs={12}>
          <EntityRolloutsCard state={rollouts} itemTitles={itemTitles} />
        </Grid>
      )}
      <Grid item xs={12}>
        <ChecklistCard
          entityRef={entityRef}
          checklist={checklist}
          editable={permission.allowed && !checklist.forbidden}
          checkingPermission={permission.loading}
          owners={owners}
          rolloutMarks={rolloutMarksOf(rollouts.value)}
        />
      </Grid>
    </Grid>
  );
};

/** The guidance for one entity: profile, companies, warnings, lessons, checklist. */
export const EntityGuidance = (props: { entity: Entity }) => {
  const { entity } = props;
  const { value, loading, error, retry } = useGuidance(entity);

  if (loading && !value) return <Progress />;
  if (error) {
    return (
      <LoadError
        error={error}
        title="Could not load the case studies for this entity"
        onRetry={retry}
      />
    );
  }
  if (!value) return null;
  if (isEmpty(value)) {
    return (
      <EmptyState
        missing="content"
        title="No case studies yet"
        description="The knowledge base has no companies, patterns or checklist items. Add knowledge files under caseStudies.knowledge.files in app-config.yaml, or use the built-in knowledge base."
      />
    );
  }
  return <GuidanceView entity={entity} guidance={value} />;
};
