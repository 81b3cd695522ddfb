import type { RolloutProgressResponse } from '@case-studies/plugin-case-studies-common';
import {
  paymentsSystemRollup,
  paymentsTeamOwnRollup,
  paymentsTeamRollup,
} from '../../testing/fixtures';
import {
  hardeningProgress,
  hardeningRollout,
  searchOnlyProgress,
  teamDashboardsProgress,
  teamDashboardsRollout,
} from '../../testing/teamRolloutFixtures';
import { ActiveRolloutProgress, openRolloutItems } from './openRolloutItems';

const loaded = (progress: RolloutProgressResponse): ActiveRolloutProgress => ({
  rollout: progress.rollout,
  progress,
});

/** `entity · item · rollout`, with `(overdue)` where it is. */
const pairs = (result: ReturnType<typeof openRolloutItems>) =>
  result.items.map(
    i =>
      `${i.entityName} · ${i.itemId} · ${i.rollout.title}${
        i.overdue ? ' (overdue)' : ''
      }`,
  );

describe('openRolloutItems', () => {
  it('lists what is open on the team and its sub-teams, overdue first, then by due date and entity', () => {
    const result = openRolloutItems(
      // the newest rollout first, as the list comes
      [loaded(teamDashboardsProgress), loaded(hardeningProgress)],
      paymentsTeamRollup.entities,
    );
    expect(pairs(result)).toEqual([
      'Checkout web · chaos-experiments · Payments hardening (overdue)',
      'ledger-service · idempotency-keys · Payments hardening (overdue)',
      'ledger-service · chaos-experiments · Payments hardening (overdue)',
      'payments-api · dora-deployment-frequency · Deployment dashboards',
    ]);
    expect(result.items[0]).toEqual({
      rollout: {
        id: 'r-hardening',
        title: 'Payments hardening',
        dueDate: '2026-03-31',
      },
      entityRef: 'component:default/checkout-web',
      entityName: 'Checkout web',
      itemId: 'chaos-experiments',
      status: 'in-progress',
      overdue: true,
    });
    // an exemption awaiting approval is still open
    expect(result.items[2].exemptionProblem).toBe('awaiting-approval');
    expect(result.rollouts.map(r => r.id)).toEqual([
      'r-team-dashboards',
      'r-hardening',
    ]);
    expect(result.failed).toEqual([]);
  });

  it('leaves out done and exempted items, entities that left, and entities of other teams', () => {
    const result = openRolloutItems(
      [loaded(hardeningProgress)],
      paymentsTeamRollup.entities,
    );
    const entities = result.items.map(i => i.entityRef);
    expect(entities).not.toContain('component:default/payments-api');
    expect(entities).not.toContain('component:default/refunds-worker');
    expect(entities).not.toContain('component:default/search-api');
    expect(result.items).not.toContainEqual(
      expect.objectContaining({
        entityRef: 'component:default/checkout-web',
        itemId: 'idempotency-keys',
      }),
    );
  });

  it('follows the roll-up without sub-teams', () => {
    const result = openRolloutItems(
      [loaded(hardeningProgress), loaded(teamDashboardsProgress)],
      paymentsTeamOwnRollup.entities,
    );
    expect(pairs(result)).toEqual([
      'Checkout web · chaos-experiments · Payments hardening (overdue)',
      'payments-api · dora-deployment-frequency · Deployment dashboards',
    ]);
  });

  it("takes a system's own entities, not its owners' other entities", () => {
    const result = openRolloutItems(
      [loaded(hardeningProgress)],
      paymentsSystemRollup.entities,
    );
    expect(result.items.map(i => i.entityRef)).toEqual([
      'component:default/ledger-service',
      'component:default/ledger-service',
    ]);
  });

  it('counts an exemption that no longer holds as open, and compares refs without case', () => {
    const progress: RolloutProgressResponse = {
      ...hardeningProgress,
      entities: [
        {
          ...hardeningProgress.entities[0],
          entityRef: 'Component:default/Checkout-Web',
          items: [
            {
              itemId: 'idempotency-keys',
              status: 'exempted',
              overdue: false,
              exemptionProblem: 'expired',
            },
          ],
        },
      ],
    };
    const result = openRolloutItems(
      [loaded(progress)],
      paymentsTeamRollup.entities,
    );
    expect(result.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout-web',
        itemId: 'idempotency-keys',
        exemptionProblem: 'expired',
      }),
    ]);
  });

  it('puts overdue items before open ones due earlier, and ties by due date', () => {
    const early = {
      ...teamDashboardsRollout,
      id: 'r-early',
      dueDate: '2026-01-01',
    };
    const progressOf = (
      rollout: typeof early,
      overdue: boolean,
    ): RolloutProgressResponse => ({
      ...teamDashboardsProgress,
      rollout,
      entities: [
        {
          ...teamDashboardsProgress.entities[0],
          items: [
            { itemId: 'dora-deployment-frequency', status: 'todo', overdue },
          ],
        },
      ],
    });
    const late = {
      ...teamDashboardsRollout,
      id: 'r-late',
      dueDate: '2026-06-01',
    };
    const later = {
      ...teamDashboardsRollout,
      id: 'r-later',
      title: 'Later',
      dueDate: '2026-09-01',
    };
    const result = openRolloutItems(
      [
        loaded(progressOf(later, false)),
        loaded(progressOf(early, false)),
        loaded(progressOf(late, true)),
      ],
      paymentsTeamRollup.entities,
    );
    expect(result.items.map(i => i.rollout.id)).toEqual([
      'r-late',
      'r-early',
      'r-later',
    ]);
  });

  it('does not count a rollout that targets nothing here, and passes failures on', () => {
    const error = new Error('progress is unavailable');
    const result = openRolloutItems(
      [loaded(searchOnlyProgress), { rollout: hardeningRollout, error }],
      paymentsTeamRollup.entities,
    );
    expect(result.items).toEqual([]);
    expect(result.rollouts).toEqual([]);
    expect(result.failed).toEqual([{ rollout: hardeningRollout, error }]);
  });
});
