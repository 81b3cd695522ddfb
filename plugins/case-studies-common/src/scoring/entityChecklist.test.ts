import type { Entity } from '@backstage/catalog-model';
import { readdirSync, readFileSync } from 'fs';
import { join as joinPath, resolve } from 'path';
import type { ChecklistItemState, ChecklistStatus } from '../api';
import { loadKnowledge } from '../cli';
import { parseCatalogFile } from '../cli/catalogFile';
import type { ChecklistItem } from '../knowledge';
import { guidance } from '../matching';
import { neighboursFromEntities, profile } from '../profile';
import { checklistProgress } from './checklistProgress';
import { countedChecklist, entityChecklist } from './entityChecklist';

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

describe('countedChecklist', () => {
  const EXAMPLES_DIR = resolve(__dirname, '../../../../examples');
  const STATUSES: ChecklistStatus[] = [
    'todo',
    'in-progress',
    'done',
    'not-applicable',
  ];

  it('counts what the tab counts, for every demo entity and a spread of stored states', () => {
    const knowledge = loadKnowledge();
    const documents = readdirSync(EXAMPLES_DIR)
      .filter(file => file.endsWith('.yaml'))
      .flatMap(file => {
        const path = joinPath(EXAMPLES_DIR, file);
        return parseCatalogFile(path, readFileSync(path, 'utf8'));
      });
    const entities = documents.map(d => d.entity);
    let compared = 0;
    documents.forEach((document, index) => {
      const result = guidance(
        profile(
          document.entity,
          neighboursFromEntities(document.entity, entities),
        ),
        knowledge,
      );
      // Every status on some item, an expired and a current exemption.
      const states: ChecklistItemState[] = result.checklist.map((entry, i) => ({
        itemId: entry.id,
        status: STATUSES[(i + index) % STATUSES.length],
        until: i % 8 === 3 ? '2027-01-31' : undefined,
        version: 1,
      }));
      const options = {
        entity: document.entity,
        guidance: result,
        knowledge,
        states,
        today: '2027-02-01',
      };
      const tab = entityChecklist(options);
      const counted = countedChecklist(options);
      expect(checklistProgress(counted)).toEqual(tab.progress);
      expect(counted.map(entry => entry.id)).toEqual(
        tab.items.filter(entry => entry.applies).map(entry => entry.id),
      );
      compared++;
    });
    expect(compared).toBeGreaterThan(10);
  });
});
