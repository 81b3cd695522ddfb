/**
 * Hand-written data for the page's Rollouts tab, beside the rollouts of
 * fixtures.ts: a knowledge base whose checklist names the rollouts' items,
 * and a rollout whose exemptions need approval.
 */
import type {
  KnowledgeBase,
  Rollout,
  RolloutEntityProgress,
  RolloutProgressResponse,
  RolloutResponse,
} from '@case-studies/plugin-case-studies-common';
import {
  checklistItemFixture,
  idempotencyRollout,
  knowledge,
} from './fixtures';

/** The test knowledge base with the checklist items the rollouts ask for. */
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
    checklistItemFixture(
      'dora-deployment-frequency',
      'dora-metrics',
      'Deployment frequency is measured',
    ),
  ],
};

/** Past its due date; exemptions count only once a platform-group member approves them. */
export const chaosRollout: Rollout = {
  ...idempotencyRollout,
  id: 'r-chaos',
  title: 'Chaos days',
  description: 'Every service runs a chaos experiment.',
  itemIds: ['chaos-experiments', 'idempotency-keys'],
  target: { kinds: ['component', 'resource'], tags: ['tier-1', 'public'] },
  requireExemptionApproval: true,
  version: 1,
  createdBy: 'user:default/sam',
};

export const chaosRolloutResponse: RolloutResponse = {
  rollout: chaosRollout,
  history: [
    {
      version: 1,
      changedBy: 'user:default/sam',
      changedAt: '2026-02-20T10:00:00.000Z',
      changes: { title: { to: 'Chaos days' } },
    },
  ],
};

const row = (
  name: string,
  owner: string | undefined,
  counts: Pick<
    RolloutEntityProgress,
    'done' | 'inProgress' | 'todo' | 'exempted' | 'overdue' | 'percent'
  >,
  items: RolloutEntityProgress['items'],
): RolloutEntityProgress => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  owner,
  ...counts,
  items,
  joinedAt: '2026-03-01T09:00:00.000Z',
});

/**
 * By hand: billing-api has one item done and its chaos exemption awaits
 * approval; the ledger has nothing done; the fraud checker has nothing done
 * either, but none of it flagged overdue (the page takes the backend's
 * flags as they come).
 */
export const chaosProgress: RolloutProgressResponse = {
  rollout: chaosRollout,
  asOf: '2026-04-15T12:00:00.000Z',
  totals: {
    done: 1,
    inProgress: 1,
    todo: 4,
    exempted: 0,
    overdue: 3,
    percent: 17,
    entities: 3,
  },
  teams: [
    {
      team: 'group:default/payments-team',
      done: 0,
      inProgress: 1,
      todo: 1,
      exempted: 0,
      overdue: 2,
      percent: 0,
      entities: 1,
    },
    {
      team: 'group:default/web-team',
      done: 1,
      inProgress: 0,
      todo: 1,
      exempted: 0,
      overdue: 1,
      percent: 50,
      entities: 1,
    },
    {
      team: null,
      done: 0,
      inProgress: 0,
      todo: 2,
      exempted: 0,
      overdue: 0,
      percent: 0,
      entities: 1,
    },
  ],
  entities: [
    row(
      'fraud-checker',
      undefined,
      { done: 0, inProgress: 0, todo: 2, exempted: 0, overdue: 0, percent: 0 },
      [
        { itemId: 'chaos-experiments', status: 'todo', overdue: false },
        { itemId: 'idempotency-keys', status: 'todo', overdue: false },
      ],
    ),
    row(
      'billing-api',
      'group:default/web-team',
      { done: 1, inProgress: 0, todo: 1, exempted: 0, overdue: 1, percent: 50 },
      [
        {
          itemId: 'chaos-experiments',
          status: 'todo',
          overdue: true,
          exemptionProblem: 'awaiting-approval',
        },
        { itemId: 'idempotency-keys', status: 'done', overdue: false },
      ],
    ),
    row(
      'ledger-service',
      'group:default/payments-team',
      { done: 0, inProgress: 1, todo: 1, exempted: 0, overdue: 2, percent: 0 },
      [
        { itemId: 'chaos-experiments', status: 'todo', overdue: true },
        { itemId: 'idempotency-keys', status: 'in-progress', overdue: true },
      ],
    ),
  ],
  burnUp: [
    { day: '2026-03-01', done: 0, total: 6 },
    { day: '2026-04-15', done: 1, total: 6 },
  ],
};
