import type { Entity } from '@backstage/catalog-model';
import type { Condition } from '../knowledge/conditions';
import { profile } from '../profile/profile';
import { evaluateCondition, restsOnKnownValues } from './evaluateCondition';
import { describeEvidence, explainEvidence } from './explain';

const paymentsService = profile(
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      tags: ['ruby', 'billing'],
      annotations: { 'case-studies/database': 'postgres' },
    },
    spec: { type: 'service', lifecycle: 'production' },
  } as Entity,
  { ownerGroup: { memberCount: 5, ownedComponents: 2 } },
);

function evaluate(condition: Condition) {
  return evaluateCondition(condition, paymentsService);
}

describe('evaluateCondition', () => {
  it('holds for always, with no evidence', () => {
    expect(evaluate({ always: true })).toEqual({ holds: true, evidence: [] });
  });

  it('reports the matching values of an attribute with their provenance', () => {
    const result = evaluate({
      attribute: 'domain',
      in: ['payments', 'commerce'],
    });
    expect(result.holds).toBe(true);
    expect(result.evidence).toEqual([
      {
        type: 'attribute',
        attribute: 'domain',
        test: 'in payments, commerce',
        values: [
          {
            value: 'payments',
            source: { kind: 'tag', detail: 'tag billing', confidence: 'high' },
          },
        ],
        holds: true,
      },
    ]);
    expect(describeEvidence(result.evidence[0])).toBe(
      'domain payments (tag billing) is in payments, commerce',
    );
  });

  it('normalises the values a condition lists', () => {
    expect(evaluate({ attribute: 'databases', in: ['postgresql'] }).holds).toBe(
      true,
    );
  });

  it('never satisfies in or a comparison with an unknown attribute or fact', () => {
    expect(evaluate({ attribute: 'scale', in: ['small'] })).toEqual({
      holds: false,
      evidence: [
        {
          type: 'attribute',
          attribute: 'scale',
          test: 'in small',
          values: [],
          holds: false,
        },
      ],
    });
    const fact = evaluate({ fact: 'scale.peakRps', lt: 1000 });
    expect(fact.holds).toBe(false);
    expect(describeEvidence(fact.evidence[0])).toBe('scale.peakRps unknown');
  });

  it('compares facts with every bound given', () => {
    expect(evaluate({ fact: 'team.members', gte: 5, lt: 6 }).holds).toBe(true);
    expect(evaluate({ fact: 'team.members', gt: 5 }).holds).toBe(false);
    const result = evaluate({ fact: 'team.members', eq: 5 });
    expect(describeEvidence(result.evidence[0])).toBe(
      'team.members 5 (the owner group has 5 members) is = 5',
    );
  });

  it('tests whether an attribute is known', () => {
    expect(evaluate({ attribute: 'language', known: true }).holds).toBe(true);
    expect(evaluate({ attribute: 'messaging', known: false }).holds).toBe(true);
    expect(evaluate({ attribute: 'messaging', known: true }).holds).toBe(false);
  });

  it('keeps the evidence of every part of a holding all', () => {
    const result = evaluate({
      all: [
        { attribute: 'language', in: ['ruby'] },
        { fact: 'team.members', lt: 10 },
      ],
    });
    expect(result.holds).toBe(true);
    expect(
      result.evidence.map(e => (e.type === 'fact' ? e.fact : e.attribute)),
    ).toEqual(['language', 'team.members']);
  });

  it('explains a failing all by its first failing part only', () => {
    const result = evaluate({
      all: [
        { attribute: 'language', in: ['ruby'] },
        { attribute: 'architecture', in: ['microservices'] },
        { attribute: 'domain', in: ['payments'] },
      ],
    });
    expect(result.holds).toBe(false);
    expect(explainEvidence(result.evidence)).toBe('architecture unknown');
  });

  it('keeps only the holding parts of a holding any', () => {
    const result = evaluate({
      any: [
        { attribute: 'scale', in: ['small'] },
        { attribute: 'language', in: ['ruby'] },
      ],
    });
    expect(result.holds).toBe(true);
    expect(result.evidence).toHaveLength(1);
    expect(explainEvidence(result.evidence)).toBe(
      'language ruby (tag ruby) is in ruby',
    );
  });

  it('passes evidence through not', () => {
    const result = evaluate({
      not: { attribute: 'language', in: ['java'] },
    });
    expect(result.holds).toBe(true);
    expect(explainEvidence(result.evidence)).toBe(
      'language ruby (tag ruby) is not in java',
    );
    expect(restsOnKnownValues(result.evidence)).toBe(true);
  });

  it('does not count unknown values or the lifecycle as evidence for a warning', () => {
    const plain = profile({
      kind: 'Component',
      metadata: { name: 'plain' },
      spec: { lifecycle: 'production' },
    } as unknown as Entity);
    const onlyAbsence = evaluateCondition(
      {
        all: [
          { attribute: 'lifecycle', in: ['production'] },
          { not: { attribute: 'practices', in: ['postmortems'] } },
        ],
      },
      plain,
    );
    expect(onlyAbsence.holds).toBe(true);
    expect(restsOnKnownValues(onlyAbsence.evidence)).toBe(false);
  });

  it('reads a name outside the vocabulary (an unvalidated condition) as unknown instead of throwing', () => {
    const outside = evaluate({
      any: [
        { attribute: 'runtime', in: ['jvm'] },
        { fact: 'team.budget', gt: 1 },
      ],
    } as unknown as Condition);
    expect(outside.holds).toBe(false);
    expect(explainEvidence(outside.evidence)).toBe(
      'runtime unknown; team.budget unknown',
    );
    expect(
      evaluate({ attribute: 'runtime', known: false } as unknown as Condition)
        .holds,
    ).toBe(true);
  });
});
