import type { Entity } from '@backstage/catalog-model';
import type { ChecklistItem } from '../knowledge';
import { entityChecklist } from './entityChecklist';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
};

const item = (id: string) =>
  ({
    id,
    title: `Item ${id}`,
    category: 'resilience',
    weight: 1,
    why: '',
    verify: '',
    automaticEvidence: [],
  } as unknown as ChecklistItem);

const applies = (id: string) => ({
  id,
  category: 'resilience' as const,
  title: `Item ${id}`,
  why: '',
  verify: '',
  weight: 1,
  applies: true,
  reason: '',
  because: [],
  explanation: '',
  automaticEvidence: [],
});

describe('entityChecklist', () => {
  const join = (today: string) =>
    entityChecklist({
      entity,
      guidance: { checklist: [applies('timeouts'), applies('breakers')] },
      knowledge: { checklist: [item('timeouts'), item('breakers')] },
      states: [
        {
          itemId: 'timeouts',
          status: 'not-applicable',
          note: 'Until the rewrite ships',
          until: '2027-01-31',
          version: 1,
        },
      ],
      today,
    });

  it('counts an exemption out of the denominator up to and on its last day', () => {
    const onLastDay = join('2027-01-31');
    expect(onLastDay.progress).toMatchObject({ exempted: 1, applicable: 1 });
    expect(onLastDay.items[0].state).toMatchObject({
      status: 'not-applicable',
    });
    expect(onLastDay.items[0].state.exemptionExpired).toBeUndefined();
  });

  it('counts an expired exemption as open again, flagged, with its note kept', () => {
    const after = join('2027-02-01');
    expect(after.progress).toMatchObject({
      exempted: 0,
      applicable: 2,
      done: 0,
    });
    expect(after.items[0].state).toMatchObject({
      status: 'todo',
      exemptionExpired: true,
      note: 'Until the rewrite ships',
      until: '2027-01-31',
    });
  });
});
