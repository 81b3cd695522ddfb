import {
  DEFAULT_SCORING_RULES,
  entityScore,
  parseScoringRules,
  scoreLevel,
  ScoringRulesError,
} from './entityScore';

const warning = (
  id: string,
  severity: 'low' | 'medium' | 'high' | 'critical',
) => ({ id, title: `Warning ${id}`, severity });

describe('entityScore', () => {
  it('is the weighted completion when there is no warning, with the level it reaches', () => {
    const score = entityScore({ weightedScore: 62 }, [], DEFAULT_SCORING_RULES);
    expect(score).toMatchObject({
      score: 62,
      completion: 62,
      level: 'silver',
      penalties: [],
      penaltyTotal: 0,
      next: { level: 'gold', pointsNeeded: 18 },
    });
  });

  it('takes off a penalty per warning by severity and names each, largest first', () => {
    const score = entityScore(
      { weightedScore: 90 },
      [warning('a', 'low'), warning('b', 'critical'), warning('c', 'high')],
      DEFAULT_SCORING_RULES,
    );
    // 90 - (2 + 20 + 10)
    expect(score.score).toBe(58);
    expect(score.level).toBe('silver');
    expect(score.penalties.map(p => [p.warningId, p.points])).toEqual([
      ['b', 20],
      ['c', 10],
      ['a', 2],
    ]);
    expect(score.penaltyTotal).toBe(32);
  });

  it('never goes below 0, and explains the penalties that were floored', () => {
    const score = entityScore(
      { weightedScore: 10 },
      [warning('a', 'critical'), warning('b', 'critical')],
      DEFAULT_SCORING_RULES,
    );
    expect(score.score).toBe(0);
    expect(score.level).toBe('none');
    expect(score.penaltyTotal).toBe(40);
    expect(score.next).toEqual({ level: 'bronze', pointsNeeded: 25 });
  });

  it('has no next level at gold', () => {
    const score = entityScore(
      { weightedScore: 100 },
      [],
      DEFAULT_SCORING_RULES,
    );
    expect(score.level).toBe('gold');
    expect(score.next).toBeUndefined();
  });

  it('leaves out warnings whose severity costs nothing under the rules', () => {
    const rules = parseScoringRules({ penalties: { low: 0 } });
    const score = entityScore(
      { weightedScore: 50 },
      [warning('a', 'low')],
      rules,
    );
    expect(score.penalties).toEqual([]);
    expect(score.score).toBe(50);
  });
});

describe('scoreLevel', () => {
  it('reaches a level at its threshold exactly, not one point below', () => {
    const rules = DEFAULT_SCORING_RULES;
    expect(scoreLevel(24, rules)).toBe('none');
    expect(scoreLevel(25, rules)).toBe('bronze');
    expect(scoreLevel(49, rules)).toBe('bronze');
    expect(scoreLevel(50, rules)).toBe('silver');
    expect(scoreLevel(79, rules)).toBe('silver');
    expect(scoreLevel(80, rules)).toBe('gold');
  });

  it('follows configured thresholds', () => {
    const rules = parseScoringRules({
      levels: { bronze: 10, silver: 20, gold: 30 },
    });
    expect(scoreLevel(30, rules)).toBe('gold');
    expect(scoreLevel(15, rules)).toBe('bronze');
  });
});

describe('parseScoringRules', () => {
  it('gives the defaults when nothing is configured', () => {
    expect(parseScoringRules(undefined)).toEqual({
      levels: { bronze: 25, silver: 50, gold: 80 },
      penalties: { low: 2, medium: 5, high: 10, critical: 20 },
    });
  });

  it('fills in what a partial configuration leaves out', () => {
    const rules = parseScoringRules({
      levels: { gold: 90 },
      penalties: { critical: 30 },
    });
    expect(rules.levels).toEqual({ bronze: 25, silver: 50, gold: 90 });
    expect(rules.penalties.critical).toBe(30);
    expect(rules.penalties.high).toBe(10);
  });

  it.each([
    [{ levels: { gold: 120 } }, 'caseStudies.scorecards.levels.gold'],
    [{ levels: { bronze: 'a lot' } }, 'caseStudies.scorecards.levels.bronze'],
    [{ penalties: { high: -1 } }, 'caseStudies.scorecards.penalties.high'],
    [{ penalties: { high: 2.5 } }, 'caseStudies.scorecards.penalties.high'],
    [{ penalties: { severe: 3 } }, 'caseStudies.scorecards.penalties'],
    [{ levels: { silver: 90 } }, 'caseStudies.scorecards.levels'],
  ])('rejects %j naming %s', (input, field) => {
    expect(() => parseScoringRules(input)).toThrow(ScoringRulesError);
    expect(() => parseScoringRules(input)).toThrow(field);
  });

  it('says why thresholds out of order are wrong', () => {
    expect(() => parseScoringRules({ levels: { silver: 90 } })).toThrow(
      /must increase from bronze to silver to gold \(got 25, 90, 80\)/,
    );
  });
});
