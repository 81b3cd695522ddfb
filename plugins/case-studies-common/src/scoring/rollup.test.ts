import type { ChecklistStatus } from '../api';
import type { ChecklistCategory } from '../knowledge';
import type {
  CountedChecklistItem,
  EntityChecklistEntry,
} from './entityChecklist';
import { DEFAULT_SCORING_RULES } from './entityScore';
import {
  scoreEntity,
  ScoredEntityWithItems,
  summariseScores,
  withoutItems,
} from './rollup';

function entry(
  id: string,
  category: ChecklistCategory,
  status: ChecklistStatus,
  options: { applies?: boolean; automatic?: boolean; weight?: number } = {},
): EntityChecklistEntry {
  return {
    id,
    category,
    title: `Item ${id}`,
    why: '',
    verify: '',
    weight: options.weight ?? 1,
    applies: options.applies ?? true,
    reason: '',
    because: [],
    explanation: '',
    automaticEvidence: [],
    state: { itemId: id, status, version: status === 'todo' ? 0 : 1 },
    automatic: { satisfied: options.automatic ?? false, matches: [] },
  };
}

function checklistOf(items: EntityChecklistEntry[]): CountedChecklistItem[] {
  return items.map(i => ({
    id: i.id,
    category: i.category,
    applies: i.applies,
    weight: i.weight,
    status: i.state.status,
    automaticallySatisfied: i.automatic.satisfied,
  }));
}

function scored(
  name: string,
  items: EntityChecklistEntry[],
  warnings: { id: string; severity: 'low' | 'high' | 'critical' }[] = [],
): ScoredEntityWithItems {
  return scoreEntity({
    identity: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      name,
      namespace: 'default',
    },
    checklist: checklistOf(items),
    antipatterns: warnings.map(w => ({ ...w, title: `Warning ${w.id}` })),
    rules: DEFAULT_SCORING_RULES,
  });
}

const titles = new Map<string, { title: string; category: ChecklistCategory }>([
  ['ci', { title: 'Continuous integration', category: 'dora-capabilities' }],
  ['pm', { title: 'Blameless postmortems', category: 'postmortem' }],
  ['cb', { title: 'Circuit breakers', category: 'resilience' }],
]);

describe('scoreEntity', () => {
  it('counts per category, lists open and done items, and leaves exemptions and non-applying items out', () => {
    const entity = scored('ledger', [
      entry('ci', 'dora-capabilities', 'done'),
      entry('pm', 'postmortem', 'todo'),
      entry('cb', 'resilience', 'not-applicable'),
      entry('flags', 'practices', 'in-progress', { applies: false }),
      entry('dm', 'dora-capabilities', 'todo', { automatic: true }),
    ]);
    expect(entity.categories).toEqual([
      { category: 'dora-capabilities', done: 2, applicable: 2, percent: 100 },
      { category: 'postmortem', done: 0, applicable: 1, percent: 0 },
    ]);
    expect(entity.openItems).toEqual(['pm']);
    expect(entity.doneItems).toEqual(['ci', 'dm']);
    expect(entity).toMatchObject({ done: 2, applicable: 3, exempted: 1 });
  });

  it('leaves the item ids out of the row a page shows, and nothing else', () => {
    const entity = scored('ledger', [
      entry('ci', 'dora-capabilities', 'done'),
      entry('pm', 'postmortem', 'todo'),
    ]);
    const row = withoutItems(entity);
    expect(row).not.toHaveProperty('openItems');
    expect(row).not.toHaveProperty('doneItems');
    expect({ ...row, openItems: ['pm'], doneItems: ['ci'] }).toEqual(entity);
  });

  it('takes the most severe warning as the top one and counts warnings by severity', () => {
    const entity = scored(
      'ledger',
      [entry('ci', 'dora-capabilities', 'done')],
      [
        { id: 'a', severity: 'low' },
        { id: 'b', severity: 'critical' },
        { id: 'c', severity: 'low' },
      ],
    );
    expect(entity.topWarning).toEqual({
      id: 'b',
      title: 'Warning b',
      severity: 'critical',
    });
    expect(entity.warnings).toEqual({
      low: 2,
      medium: 0,
      high: 0,
      critical: 1,
    });
    // 100 - 20 - 2 - 2
    expect(entity.score.score).toBe(76);
  });
});

describe('summariseScores', () => {
  it('gives mean, median, levels, completion per category and the most open items', () => {
    const entities = [
      // 100: gold
      scored('a', [
        entry('ci', 'dora-capabilities', 'done'),
        entry('pm', 'postmortem', 'done'),
      ]),
      // 50: silver
      scored('b', [
        entry('ci', 'dora-capabilities', 'done'),
        entry('pm', 'postmortem', 'todo'),
      ]),
      // 0: none
      scored('c', [
        entry('ci', 'dora-capabilities', 'todo'),
        entry('pm', 'postmortem', 'todo'),
        entry('cb', 'resilience', 'todo'),
      ]),
    ];
    const summary = summariseScores(entities, titles);

    expect(summary.entities).toBe(3);
    expect(summary.meanScore).toBe(50);
    expect(summary.medianScore).toBe(50);
    expect(summary.levels).toEqual({ none: 1, bronze: 0, silver: 1, gold: 1 });
    expect(summary).toMatchObject({ done: 3, applicable: 7, percent: 42 });
    expect(summary.categories).toEqual([
      { category: 'dora-capabilities', done: 2, applicable: 3, percent: 66 },
      { category: 'postmortem', done: 1, applicable: 3, percent: 33 },
      { category: 'resilience', done: 0, applicable: 1, percent: 0 },
    ]);
    expect(summary.weakestItems).toEqual([
      {
        itemId: 'pm',
        title: 'Blameless postmortems',
        category: 'postmortem',
        open: 2,
        applicable: 3,
      },
      {
        itemId: 'cb',
        title: 'Circuit breakers',
        category: 'resilience',
        open: 1,
        applicable: 1,
      },
      {
        itemId: 'ci',
        title: 'Continuous integration',
        category: 'dora-capabilities',
        open: 1,
        applicable: 3,
      },
    ]);
  });

  it('takes the mean of the two middle scores as the median of an even count', () => {
    const entities = [
      scored('a', [entry('ci', 'dora-capabilities', 'done')]),
      scored('b', [entry('ci', 'dora-capabilities', 'todo')]),
    ];
    expect(summariseScores(entities, titles).medianScore).toBe(50);
  });

  it('has no mean or median for an empty roll-up', () => {
    const summary = summariseScores([], titles);
    expect(summary).toMatchObject({
      entities: 0,
      meanScore: null,
      medianScore: null,
      weakestItems: [],
      categories: [],
    });
  });
});
