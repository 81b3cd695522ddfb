import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/** When scorecard snapshots are taken and how long they are kept. */
export interface SnapshotSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
}

/** Daily, first a minute after start-up, and never longer than half an hour. */
export const DEFAULT_SNAPSHOT_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
  };

export const DEFAULT_RETENTION_DAYS = 400;

const SECTION = 'caseStudies.scorecards.snapshots';

/**
 * `caseStudies.scorecards.snapshots` with defaults. Throws at start-up,
 * naming the field, when a value cannot be used.
 */
export function loadSnapshotSettings(
  config: RootConfigService,
): SnapshotSettings {
  const section = config.getOptionalConfig(SECTION);
  const schedule = section?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        section.getConfig('schedule'),
      )
    : DEFAULT_SNAPSHOT_SCHEDULE;
  const retentionDays =
    section?.getOptionalNumber('retentionDays') ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(
      `Invalid scorecard configuration: ${SECTION}.retentionDays: must be a whole number of days, at least 1 (got ${retentionDays})`,
    );
  }
  return { schedule, retentionDays };
}
