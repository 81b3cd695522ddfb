import { useState } from 'react';
import { EmptyState, Link, Progress } from '@backstage/core-components';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import type {
  RollupScope,
  ScorecardGroupBy,
} from '@case-studies/plugin-case-studies-common';
import { LabelledSwitch } from '../shared/LabelledSwitch';
import { LoadError } from '../shared/LoadError';
import { useScorecardsLink } from '../Scorecards';
import { CategoryCompletionCard } from './CategoryCompletionCard';
import {
  OpenRolloutItemsCard,
  showsOpenRolloutItems,
} from './OpenRolloutItemsCard';
import { RollupEntitiesTable } from './RollupEntitiesTable';
import { RollupSummaryCard } from './RollupSummaryCard';
import { RollupTeamsTable } from './RollupTeamsTable';
import { SCOPE_WORDING } from './rollupFormat';
import { useOpenRolloutItems } from './useOpenRolloutItems';
import { useRollup } from './useRollup';
import { WeakestItemsCard } from './WeakestItemsCard';

/** The scorecard grouping whose row a roll-up is; a user's teams are no one row. */
const SCORECARD_GROUPING: Partial<Record<RollupScope, ScorecardGroupBy>> = {
  group: 'owner',
  system: 'system',
  domain: 'domain',
};

/** A link to the scorecard report filtered to this team, system or domain, when the page is there. */
const OpenInScorecards = (props: { entity: Entity; scope: RollupScope }) => {
  const scorecardsLink = useScorecardsLink();
  const groupBy = SCORECARD_GROUPING[props.scope];
  if (!scorecardsLink || !groupBy) return null;
  return (
    <Link
      to={scorecardsLink({
        groupBy,
        group: stringifyEntityRef(props.entity),
      })}
    >
      Open in scorecards
    </Link>
  );
};

/**
 * The roll-up of a group (with its sub-teams unless switched off), system,
 * domain or user: summary, the items active rollouts still ask of its
 * entities, the entities, completion by category, the weakest items and,
 * for groups and users, the teams.
 */
export const RollupContent = (props: {
  entity: Entity;
  scope: RollupScope;
}) => {
  const { entity, scope } = props;
  const [recursive, setRecursive] = useState(true);
  const isGroup = scope === 'group';
  const { value, loading, error, retry } = useRollup(
    entity,
    isGroup ? { recursive } : {},
  );
  // loads alongside the roll-up; a failure stays inside its card
  const openItems = useOpenRolloutItems(value?.entities);
  const wording = SCOPE_WORDING[scope];

  const toggle = isGroup && (
    <LabelledSwitch
      label="Include sub-teams"
      checked={recursive}
      onChange={setRecursive}
    />
  );

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadError
        error={error}
        title={`Could not load the progress of this ${scope}`}
        onRetry={retry}
      />
    );
  } else if (!value) {
    body = null;
  } else if (value.entities.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={wording.empty}
        description={wording.emptyDetail}
      />
    );
  } else {
    const showTeams = (isGroup || scope === 'user') && value.teams.length > 0;
    body = (
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12}>
          <RollupSummaryCard
            title={wording.title}
            summary={value.summary}
            action={<OpenInScorecards entity={entity} scope={scope} />}
          />
        </Grid>
        {showsOpenRolloutItems(openItems) && (
          <Grid item xs={12}>
            <OpenRolloutItemsCard state={openItems} />
          </Grid>
        )}
        <Grid item xs={12}>
          <RollupEntitiesTable entities={value.entities} teams={value.teams} />
        </Grid>
        <Grid item xs={12} md={6}>
          <CategoryCompletionCard categories={value.summary.categories} />
        </Grid>
        <Grid item xs={12} md={6}>
          <WeakestItemsCard items={value.summary.weakestItems} />
        </Grid>
        {showTeams && (
          <Grid item xs={12}>
            <RollupTeamsTable teams={value.teams} />
          </Grid>
        )}
      </Grid>
    );
  }

  return (
    <Box>
      {toggle && (
        <Box mb={2} display="flex" alignItems="center">
          {toggle}
          {loading && value && (
            <Box flex={1}>
              <Progress />
            </Box>
          )}
        </Box>
      )}
      {body}
    </Box>
  );
};
