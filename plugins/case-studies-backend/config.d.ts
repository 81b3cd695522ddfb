import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  caseStudies?: {
    knowledge?: {
      /**
       * The organisation's own knowledge files (YAML or JSON), validated with
       * the same schema as the built-in knowledge. An entry with the id of a
       * built-in entry replaces it. Relative paths are resolved against the
       * backend's working directory.
       */
      files?: string[];
    };
    /**
     * Entity refs of the groups whose members may create and change
     * rollouts, e.g. `group:default/platform-team`. Used by the demo policy.
     */
    platformGroups?: string[];
    /** How the API answers when its database stops answering. */
    database?: {
      /**
       * A request still running after this long makes the plugin probe its
       * database, with the same timeout; if the probe fails the client gets
       * a 503 with Retry-After instead of waiting for Knex's own timeouts
       * (half a minute or more). A stopped database is reported at once.
       * Default 3 seconds; between 100 ms and 2 minutes. A duration object
       * (`{ seconds: 3 }`) or an ISO 8601 / ms-style string.
       */
      timeout?: HumanDuration | string;
    };
    rollouts?: {
      /**
       * Notices to the owners of a rollout's entities with items still open:
       * when the rollout starts, a week before its due date, and once it is
       * overdue; each at most once per entity and due date. Sent through the
       * Backstage notifications backend.
       */
      reminders?: {
        /**
         * Whether reminders are sent. Default: when the notifications plugin
         * is installed in this backend; `true` when it runs in another
         * backend instance, `false` to turn them off.
         */
        enabled?: boolean;
        /**
         * When the reminder task runs (one run across instances). Default:
         * every hour, first a minute after start-up.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    /**
     * How entity scores and levels are computed. A score is the weighted
     * checklist completion (0–100) minus a penalty per active antipattern
     * warning. Validated at start-up; a wrong value stops the backend with a
     * message naming the field.
     */
    scorecards?: {
      /** The lowest score of each level; must increase from bronze to gold. */
      levels?: {
        /** default 25 */
        bronze?: number;
        /** default 50 */
        silver?: number;
        /** default 80 */
        gold?: number;
      };
      /** Daily snapshots of every entity's score, for history and trends. */
      snapshots?: {
        /**
         * When the snapshot task runs (one run across instances). Default:
         * every 24 hours, first a minute after start-up; a backend that starts
         * on a day without a snapshot takes one at once.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Days of snapshots kept; older ones are deleted. Default 400. */
        retentionDays?: number;
      };
      /** Points taken off the score per active warning of each severity. */
      penalties?: {
        /** default 2 */
        low?: number;
        /** default 5 */
        medium?: number;
        /** default 10 */
        high?: number;
        /** default 20 */
        critical?: number;
      };
    };
  };
}
