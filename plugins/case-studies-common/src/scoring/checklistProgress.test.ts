import { checklistProgress, ChecklistProgressInput } from './checklistProgress';

const item = (
  overrides: Partial<ChecklistProgressInput>,
): ChecklistProgressInput => ({
  applies: true,
  weight: 1,
  status: 'todo',
  automaticallySatisfied: false,
  ...overrides,
});

describe('checklistProgress', () => {
  it('counts done items over applicable ones, by count and by weight', () => {
    const progress = checklistProgress([
      item({ status: 'done', weight: 3 }),
      item({ status: 'in-progress', weight: 1 }),
      item({ status: 'todo', weight: 1 }),
      item({ applies: false, status: 'done', weight: 5 }),
    ]);
    expect(progress).toEqual({
      done: 1,
      applicable: 3,
      exempted: 0,
      percent: 33,
      weightedScore: 60,
    });
  });

  it('counts automatic evidence as done even when nobody ticked the item', () => {
    const progress = checklistProgress([
      item({ automaticallySatisfied: true }),
      item({}),
    ]);
    expect(progress.done).toBe(1);
    expect(progress.percent).toBe(50);
  });

  it('takes exempted items out of the denominator instead of counting them done', () => {
    const progress = checklistProgress([
      item({ status: 'not-applicable' }),
      item({ status: 'done' }),
      item({}),
    ]);
    expect(progress).toMatchObject({
      done: 1,
      applicable: 2,
      exempted: 1,
      percent: 50,
    });
  });

  it('reports 100 when nothing applies', () => {
    expect(checklistProgress([item({ applies: false })])).toMatchObject({
      applicable: 0,
      percent: 100,
      weightedScore: 100,
    });
  });
});
