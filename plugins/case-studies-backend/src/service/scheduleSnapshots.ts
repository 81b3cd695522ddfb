import {
  LoggerService,
  RootLifecycleService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { snapshotDay } from '@case-studies/plugin-case-studies-common';
import { ScorecardService } from './ScorecardService';

/** The id of the snapshot task in Backstage's scheduler. */
export const SNAPSHOT_TASK_ID = 'case-studies-scorecard-snapshot';

/**
 * Schedules the daily scorecard snapshot as a global task (one run across
 * all instances), and once every plugin has started, triggers it when today
 * has no snapshot yet: a schedule alone would wait for its next slot, which
 * a restart does not move. The scheduler still holds a run back until the
 * task's initial delay has passed, which gives a new catalog time to fill.
 */
export async function scheduleSnapshots(options: {
  scheduler: SchedulerService;
  lifecycle: RootLifecycleService;
  logger: LoggerService;
  scorecardService: ScorecardService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { scheduler, lifecycle, logger, scorecardService, schedule } = options;
  await scheduler.scheduleTask({
    id: SNAPSHOT_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      await scorecardService.takeSnapshot();
    },
  });
  lifecycle.addStartupHook(async () => {
    try {
      if (!(await scorecardService.hasSnapshot(snapshotDay(new Date())))) {
        await scheduler.triggerTask(SNAPSHOT_TASK_ID);
      }
    } catch (error) {
      // Running already (another instance, or the first slot): nothing to do.
      logger.info(`Scorecard snapshot not triggered at start-up: ${error}`);
    }
  });
}
