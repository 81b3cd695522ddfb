/**
 * Hand-written rollouts over the payments team's roll-up (see
 * `paymentsTeamRollup` in fixtures.ts: payments-team owns checkout-web and
 * payments-api, its sub-team ledger-squad owns ledger-service and
 * refunds-worker), with an entity of another team and one that left.
 */
import type {
  KnowledgeBase,
  Rollout,
  RolloutEntityProgress,
  RolloutProgressResponse,
} from '@case-studies/plugin-case-studies-common';
import {
  checklistItemFixture,
  dashboardsRollout,
  idempotencyRollout,
  knowledge,
} from './fixtures';

/** The test knowledge base with two checklist items; `dora-deployment-frequency` is not in it. */
export const rolloutKnowledge: KnowledgeBase = {
  ...knowledge,
  checklist: [
    checklistItemFixture(
      'idempotency-keys',
      'practices',
      'Idempotency keys on POST',
    ),
    checklistItemFixture(
      'chaos-experiments',
      'resilience',
      'Chaos experiment with a steady-state hypothesis',
    ),
  ],
};

/** Active, past its due date, asking the payments entities for two items. */
export const hardeningRollout: Rollout = {
  ...idempotencyRollout,
  id: 'r-hardening',
  title: 'Payments hardening',
  itemIds: ['idempotency-keys', 'chaos-experiments'],
  target: { owners: ['payments-team', 'ledger-squad', 'search-team'] },
  dueDate: '2026-03-31',
};

/** Active and due far in the future: nothing of it is overdue. */
export const teamDashboardsRollout: Rollout = {
  ...dashboardsRollout,
  id: 'r-team-dashboards',
  title: 'Deployment dashboards',
  itemIds: ['dora-deployment-frequency'],
  dueDate: '2099-12-31',
};

const counts = {
  done: 0,
  inProgress: 0,
  todo: 0,
  exempted: 0,
  overdue: 0,
  percent: 0,
};

const row = (
  name: string,
  team: string,
  items: RolloutEntityProgress['items'],
  extra: Partial<RolloutEntityProgress> = {},
): RolloutEntityProgress => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  owner: `group:default/${team}`,
  ...counts,
  items,
  joinedAt: '2026-03-01T09:00:00.000Z',
  ...extra,
});

const progressOf = (
  rollout: Rollout,
  entities: RolloutEntityProgress[],
): RolloutProgressResponse => ({
  rollout,
  asOf: '2026-04-15T12:00:00.000Z',
  totals: { ...counts, entities: entities.length },
  teams: [],
  entities,
  burnUp: [],
});

/**
 * By hand: checkout-web is done with idempotency, chaos is in progress and
 * overdue; ledger-service has idempotency to do (overdue) and an exemption
 * from chaos awaiting approval, so still open and overdue; payments-api is
 * done and exempted; refunds-worker left the target; search-api belongs to
 * another team and is not in the payments roll-up.
 */
export const hardeningProgress = progressOf(hardeningRollout, [
  row('checkout-web', 'payments-team', [
    { itemId: 'idempotency-keys', status: 'done', overdue: false },
    { itemId: 'chaos-experiments', status: 'in-progress', overdue: true },
  ]),
  row('ledger-service', 'ledger-squad', [
    { itemId: 'idempotency-keys', status: 'todo', overdue: true },
    {
      itemId: 'chaos-experiments',
      status: 'todo',
      overdue: true,
      exemptionProblem: 'awaiting-approval',
    },
  ]),
  row('payments-api', 'payments-team', [
    { itemId: 'idempotency-keys', status: 'done', overdue: false },
    { itemId: 'chaos-experiments', status: 'exempted', overdue: false },
  ]),
  row(
    'refunds-worker',
    'ledger-squad',
    [
      { itemId: 'idempotency-keys', status: 'todo', overdue: true },
      { itemId: 'chaos-experiments', status: 'todo', overdue: true },
    ],
    { leftAt: '2026-03-20T09:00:00.000Z' },
  ),
  row(
    'search-api',
    'search-team',
    [
      { itemId: 'idempotency-keys', status: 'todo', overdue: true },
      { itemId: 'chaos-experiments', status: 'todo', overdue: true },
    ],
    { title: 'Search API' },
  ),
]);

/** payments-api has the dashboards to do, not yet due; ledger-service is done. */
export const teamDashboardsProgress = progressOf(teamDashboardsRollout, [
  row('payments-api', 'payments-team', [
    { itemId: 'dora-deployment-frequency', status: 'todo', overdue: false },
  ]),
  row('ledger-service', 'ledger-squad', [
    { itemId: 'dora-deployment-frequency', status: 'done', overdue: false },
  ]),
]);

/** An active rollout of another team only: it targets nothing of the payments team. */
export const searchOnlyRollout: Rollout = {
  ...idempotencyRollout,
  id: 'r-search',
  title: 'Search reliability',
  target: { owners: ['search-team'] },
};

export const searchOnlyProgress = progressOf(searchOnlyRollout, [
  row('search-api', 'search-team', [
    { itemId: 'idempotency-keys', status: 'todo', overdue: true },
  ]),
]);

/** Progress by rollout id, for `getRolloutProgress`. */
export const teamRolloutProgressById: Record<string, RolloutProgressResponse> =
  {
    [hardeningRollout.id]: hardeningProgress,
    [teamDashboardsRollout.id]: teamDashboardsProgress,
    [searchOnlyRollout.id]: searchOnlyProgress,
  };
