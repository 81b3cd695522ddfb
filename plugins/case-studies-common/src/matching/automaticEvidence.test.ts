import type { Entity } from '@backstage/catalog-model';
import type { AutomaticEvidence } from '../knowledge/schema';
import { automaticEvidence } from './automaticEvidence';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    tags: ['Feature-Flags'],
    annotations: { 'pagerduty.com/service-id': 'P123', empty: ' ' },
    links: [
      {
        url: 'https://wiki/pm',
        title: 'Team Postmortems',
        type: 'postmortems',
      },
    ],
  },
  spec: { system: 'shop', providesApis: ['orders-api'] },
  relations: [{ type: 'dependsOn', targetRef: 'resource:default/orders-db' }],
} as unknown as Entity;

const check = (...evidence: AutomaticEvidence[]) =>
  automaticEvidence(entity, { evidence });

describe('automaticEvidence', () => {
  it.each([
    [
      { annotation: 'pagerduty.com/service-id' },
      'annotation pagerduty.com/service-id',
    ],
    [{ tag: 'feature-flags' }, 'tag Feature-Flags'],
    [
      { link: { type: 'postmortems' } },
      'link "Team Postmortems" (postmortems)',
    ],
    [
      { link: { titleIncludes: 'postmortem' } },
      'link "Team Postmortems" (postmortems)',
    ],
    [
      { relation: { type: 'dependsOn', targetKind: 'Resource' } },
      'relation dependsOn resource:default/orders-db',
    ],
    [
      { relation: { type: 'partOf', targetKind: 'system' } },
      'relation partOf system:shop',
    ],
    [
      { relation: { type: 'providesApi' } },
      'relation providesApi api:orders-api',
    ],
  ] as [AutomaticEvidence, string][])('finds %j', (evidence, detail) => {
    expect(check(evidence)).toEqual({
      satisfied: true,
      matches: [{ evidence, detail }],
    });
  });

  it.each([
    { annotation: 'empty' },
    { annotation: 'sentry.io/project-slug' },
    { tag: 'chaos-engineering' },
    { link: { type: 'runbook' } },
    { relation: { type: 'dependsOn', targetKind: 'component' } },
  ] as AutomaticEvidence[])('does not find %j', evidence => {
    expect(check(evidence)).toEqual({ satisfied: false, matches: [] });
  });

  it('tolerates malformed entities', () => {
    for (const odd of [
      null,
      1,
      { metadata: { links: 'x', tags: {} }, relations: [null] },
    ]) {
      expect(
        automaticEvidence(odd as unknown as Entity, {
          evidence: [{ tag: 'x' }, { link: {} }],
        }).satisfied,
      ).toBe(false);
    }
  });
});
