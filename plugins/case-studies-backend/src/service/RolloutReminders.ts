import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  RootInstanceMetadataService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  daysBetween,
  KnowledgeBase,
  Rollout,
  RolloutEntityProgress,
  snapshotDay,
} from '@case-studies/plugin-case-studies-common';
import {
  ReminderKey,
  ReminderKind,
  ReminderStore,
} from '../database/ReminderStore';
import { normalisedRef } from './entityRefs';
import { RolloutService } from './RolloutService';

/** The id of the reminder task in Backstage's scheduler. */
export const REMINDER_TASK_ID = 'case-studies-rollout-reminders';

/** How many days before its due date a rollout's open entities are reminded. */
export const DUE_SOON_DAYS = 7;

/** Hourly, first a minute after start-up, and never longer than a quarter of an hour. */
export const DEFAULT_REMINDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
  };

/** The most urgent kind first: an entity gets one notice a run, about the most urgent. */
const URGENCY: ReminderKind[] = ['overdue', 'due-soon', 'started'];

const SEVERITY: Record<ReminderKind, NotificationSeverity> = {
  started: 'normal',
  'due-soon': 'high',
  overdue: 'critical',
};

/** Entities named in one notice; the rest are counted. */
const LISTED_ENTITIES = 10;

/** The app's page of a rollout (the Rollouts view of the Case Studies page). */
export function rolloutLink(rolloutId: string): string {
  return `/case-studies/rollouts/${encodeURIComponent(rolloutId)}`;
}

/** The Case Studies tab of an entity's page in the app. */
export function entityTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${[namespace, kind.toLocaleLowerCase('en-US'), name]
    .map(encodeURIComponent)
    .join('/')}/case-studies`;
}

/** The kinds of notice due for an entity with open items, on `today`. */
function kindsDue(rollout: Rollout, today: string): ReminderKind[] {
  if (today < rollout.startDate) return [];
  const daysLeft = daysBetween(today, rollout.dueDate);
  const kinds: ReminderKind[] = ['started'];
  if (daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS) kinds.push('due-soon');
  if (daysLeft < 0) kinds.push('overdue');
  return kinds;
}

/** What one run sent. */
export interface ReminderRunSummary {
  /** notices sent: one per owner and kind of each rollout */
  notices: number;
  /** entities the notices were about */
  entities: number;
  /** notices the notifications service did not take (they are not retried) */
  failed: number;
}

/**
 * Rollout reminders: for every active rollout that has started, the owners
 * of targeted entities with items still open are told that the rollout
 * started, again a week before its due date, and once it is overdue.
 *
 * "Never the same notice twice" is a row per entity, kind and due date in
 * the reminder store, claimed before the notice is sent. That makes the
 * notices at most once: a run that crashes between the claim and the send,
 * or whose send fails, loses that notice rather than risking a second copy
 * (two instances, or a retried run, can never both send it). We chose that
 * over at-least-once because the notices back each other up — a lost
 * 'started' is followed by 'due-soon', a lost 'due-soon' by 'overdue' — and
 * failures are logged. A due date that moves is a new deadline: its notices
 * are new.
 *
 * One notice goes to each owner (a group's members are resolved by the
 * notifications backend) for each kind, listing its entities; an entity for
 * which several kinds are due at once (a rollout that starts within a week
 * of its due date) is only in the most urgent notice, and the others are
 * recorded as sent too.
 */
export class RolloutReminders {
  private readonly titles: Map<string, string>;

  constructor(
    private readonly options: {
      rolloutService: RolloutService;
      store: ReminderStore;
      notifications: NotificationService;
      auth: AuthService;
      logger: LoggerService;
      knowledge: KnowledgeBase;
      clock?: () => Date;
    },
  ) {
    this.titles = new Map(
      options.knowledge.checklist.map(i => [i.id, i.title]),
    );
  }

  /** One run over every active rollout: the scheduled task's function. */
  async runReminders(): Promise<ReminderRunSummary> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const summary: ReminderRunSummary = { notices: 0, entities: 0, failed: 0 };
    const rollouts = await this.options.rolloutService.list({
      state: 'active',
      credentials,
    });
    for (const rollout of rollouts) {
      try {
        const sent = await this.remindRollout(rollout.id, credentials);
        summary.notices += sent.notices;
        summary.entities += sent.entities;
        summary.failed += sent.failed;
      } catch (error) {
        this.options.logger.warn(
          `Rollout reminders for rollout ${rollout.id} failed: ${error}`,
        );
      }
    }
    if (summary.notices > 0 || summary.failed > 0) {
      this.options.logger.info(
        `Rollout reminders: ${summary.notices} notices sent about ${summary.entities} entities, ${summary.failed} not sent`,
      );
    }
    return summary;
  }

  private async remindRollout(
    rolloutId: string,
    credentials: BackstageCredentials,
  ): Promise<ReminderRunSummary> {
    const now = this.options.clock?.() ?? new Date();
    // Progress with the plugin's own credentials: every targeted entity,
    // members synced as the rollout's page would, item statuses as it shows.
    const { rollout, entities } = await this.options.rolloutService.progress(
      rolloutId,
      credentials,
      { burnUp: false },
    );
    const kinds = kindsDue(rollout, snapshotDay(now));
    const open = entities.filter(
      e =>
        !e.leftAt &&
        e.owner &&
        e.items.some(i => i.status === 'todo' || i.status === 'in-progress'),
    );
    if (kinds.length === 0 || open.length === 0) {
      return { notices: 0, entities: 0, failed: 0 };
    }

    const claimed = await this.options.store.claim(
      rollout.id,
      open.flatMap(e =>
        kinds.map(kind => ({
          entityRef: e.entityRef,
          kind,
          deadline: rollout.dueDate,
          ownerRef: e.owner!,
        })),
      ),
      now,
    );
    const claimedKinds = groupKinds(claimed);

    // One notice per owner and kind, each entity in its most urgent one.
    const groups = new Map<
      string,
      { owner: string; kind: ReminderKind; entities: RolloutEntityProgress[] }
    >();
    for (const entity of open) {
      const mine = claimedKinds.get(normalisedRef(entity.entityRef));
      const kind = URGENCY.find(k => mine?.has(k));
      if (!kind) continue;
      const key = `${entity.owner} ${kind}`;
      const group = groups.get(key) ?? {
        owner: entity.owner!,
        kind,
        entities: [],
      };
      group.entities.push(entity);
      groups.set(key, group);
    }

    const summary = { notices: 0, entities: claimedKinds.size, failed: 0 };
    for (const group of groups.values()) {
      try {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: group.owner },
          payload: this.payload(
            rollout,
            group.kind,
            group.owner,
            group.entities,
          ),
        });
        summary.notices += 1;
      } catch (error) {
        summary.failed += 1;
        this.options.logger.warn(
          `Rollout reminder (${group.kind}) of rollout ${rollout.id} to ${group.owner} was not sent and will not be retried: ${error}`,
        );
      }
    }
    return summary;
  }

  private payload(
    rollout: Rollout,
    kind: ReminderKind,
    owner: string,
    entities: RolloutEntityProgress[],
  ) {
    const n = entities.length;
    const what = n === 1 ? '1 entity' : `${n} entities`;
    const title = {
      started: `Rollout "${rollout.title}" started: ${what} to update by ${rollout.dueDate}`,
      'due-soon': `Rollout "${rollout.title}" is due ${rollout.dueDate}: ${what} still open`,
      overdue: `Rollout "${rollout.title}" is overdue (due ${rollout.dueDate}): ${what} still open`,
    }[kind];
    const openItems = entities.map(e =>
      e.items
        .filter(i => i.status === 'todo' || i.status === 'in-progress')
        .map(i => this.titles.get(i.itemId) ?? i.itemId)
        .join(', '),
    );
    const name = (e: RolloutEntityProgress) =>
      e.title ?? parseEntityRef(e.entityRef).name;
    const more = n > LISTED_ENTITIES ? ` and ${n - LISTED_ENTITIES} more` : '';
    // The same items open everywhere (the usual case) are named once.
    const description = openItems.every(items => items === openItems[0])
      ? `Open: ${openItems[0]}. ${entities
          .slice(0, LISTED_ENTITIES)
          .map(name)
          .join(', ')}${more}.`
      : `${entities
          .slice(0, LISTED_ENTITIES)
          .map((e, i) => `${name(e)}: ${openItems[i]}`)
          .join('; ')}${more}.`;
    return {
      title,
      description,
      link:
        n === 1
          ? entityTabLink(entities[0].entityRef)
          : rolloutLink(rollout.id),
      severity: SEVERITY[kind],
      topic: 'Rollout reminders',
      // The notifications backend updates the notice of the same scope for a
      // user rather than adding another; the owner keeps a user in two
      // owner groups from having one group's notice replace the other's.
      scope: `case-studies:rollout:${rollout.id}:${kind}:${rollout.dueDate}:${owner}`,
    };
  }
}

function groupKinds(claimed: ReminderKey[]): Map<string, Set<ReminderKind>> {
  const byEntity = new Map<string, Set<ReminderKind>>();
  for (const { entityRef, kind } of claimed) {
    const kinds = byEntity.get(entityRef) ?? new Set<ReminderKind>();
    kinds.add(kind);
    byEntity.set(entityRef, kinds);
  }
  return byEntity;
}

/**
 * Schedules {@link RolloutReminders.runReminders} as a global task (one run
 * across instances), when there is a notifications backend to send through.
 *
 * Why this shape: the new backend system has no optional dependencies — a
 * plugin that declares a service the backend cannot provide fails to start.
 * `notificationService` from `@backstage/plugin-notifications-node` has a
 * default factory (an HTTP client of the `notifications` plugin, wherever
 * discovery places it), so depending on it always works, installed or not;
 * whether the notifications plugin is there is a separate question, which
 * `coreServices.rootInstanceMetadata` (the plugins of this backend, provided
 * by every backend) answers. `caseStudies.rollouts.reminders.enabled`
 * overrides it: `true` for a notifications plugin in another backend
 * instance, `false` to turn reminders off. Without a notifications backend
 * the plugin runs as before, says so once in the log, and schedules
 * nothing: notices claimed then would be lost for good.
 */
export async function scheduleReminders(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  instanceMetadata: RootInstanceMetadataService;
  reminders: RolloutReminders;
}): Promise<void> {
  const { config, scheduler, logger, instanceMetadata } = options;
  const section = config.getOptionalConfig('caseStudies.rollouts.reminders');
  const enabled = section?.getOptionalBoolean('enabled');
  if (enabled === false) {
    logger.info(
      'Rollout reminders are off: caseStudies.rollouts.reminders.enabled is false',
    );
    return;
  }
  if (enabled === undefined) {
    const plugins = await instanceMetadata.getInstalledPlugins();
    if (!plugins.some(p => p.pluginId === 'notifications')) {
      logger.info(
        'Rollout reminders are off: the notifications plugin (@backstage/plugin-notifications-backend) is not installed in this backend; set caseStudies.rollouts.reminders.enabled to true if it runs in another one',
      );
      return;
    }
  }
  const schedule = section?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        section.getConfig('schedule'),
      )
    : DEFAULT_REMINDER_SCHEDULE;
  await scheduler.scheduleTask({
    id: REMINDER_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      await options.reminders.runReminders();
    },
  });
}
