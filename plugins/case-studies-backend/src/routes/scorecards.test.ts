import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  ScorecardReport,
  snapshotDay,
} from '@case-studies/plugin-case-studies-common';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { component, rollupCatalog } from '../testing/rollupCatalog';
import { startPluginBackend } from '../__testUtils__/startPluginBackend';
import { withRelations } from '../testing/withRelations';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const asAlice = () => mockCredentials.user.header('user:default/alice');
const api = '/api/case-studies';

/** A value a CSV writer must quote: a comma, quotes and a line break. */
const AWKWARD_LIFECYCLE = 'production, "eu"\nand more';

const catalog = [
  ...rollupCatalog,
  ...withRelations([
    {
      ...component('odd-lifecycle', 'platform'),
      spec: {
        type: 'service',
        lifecycle: AWKWARD_LIFECYCLE,
        owner: 'platform',
      },
    },
  ]),
];

async function startBackend(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return startPluginBackend({ knex, entities: catalog });
}

describe.each(databases.eachSupportedId())(
  'scorecard routes on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startBackend>>;
    beforeAll(async () => {
      server = await startBackend(databaseId);
    });

    const get = (path: string) =>
      request(server).get(`${api}${path}`).set('Authorization', asAlice());

    it('answers the report from the snapshot taken at start-up, when today had none', async () => {
      const response = await get('/scorecards?groupBy=owner');
      expect(response.status).toBe(200);
      const report = response.body as ScorecardReport;
      expect(report.source).toBe('snapshot');
      expect(report.takenAt.slice(0, 10)).toBe(snapshotDay(new Date()));
      // Ten scored entities of the roll-up catalog, and odd-lifecycle.
      expect(report.totals.entities).toBe(11);
      const platform = report.groups.find(
        g => g.key === 'group:default/platform',
      )!;
      expect(platform.entities).toBe(2);
      expect(report.groups.reduce((sum, g) => sum + g.entities, 0)).toBe(11);
    });

    it('writes the report as CSV: a header row, one row per group, awkward values quoted', async () => {
      const response = await get('/scorecards?groupBy=owner&format=csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="case-studies-scorecard-owner-${snapshotDay(
          new Date(),
        )}.csv"`,
      );
      const json = (await get('/scorecards?groupBy=owner'))
        .body as ScorecardReport;
      const [header, ...rows] = parse(response.text) as string[][];
      expect(header.slice(0, 4)).toEqual([
        'owner',
        'entities',
        'mean_score',
        'median_score',
      ]);
      expect(rows.map(r => r[0])).toEqual(
        json.groups.map(g => g.key ?? '(none)'),
      );
      expect(rows.map(r => Number(r[1]))).toEqual(
        json.groups.map(g => g.entities),
      );

      const perEntity = await get('/scorecards?groupBy=none&format=csv');
      const records = parse(perEntity.text, { columns: true }) as Record<
        string,
        string
      >[];
      expect(records).toHaveLength(11);
      expect(
        records.find(r => r.entity === 'component:default/odd-lifecycle')
          ?.lifecycle,
      ).toBe(AWKWARD_LIFECYCLE);
    });

    it('narrows the report by kind, type and lifecycle', async () => {
      const response = await get('/scorecards?groupBy=none&kind=resource');
      expect(response.status).toBe(200);
      expect((response.body as ScorecardReport).groups.map(g => g.key)).toEqual(
        ['resource:default/ledger-db'],
      );
      const live = await get(
        '/scorecards?groupBy=none&kind=component&lifecycle=production&live=true',
      );
      expect(live.body.source).toBe('live');
      expect(live.body.groups).toHaveLength(8);
    });

    it('serves the history of each group and of one entity', async () => {
      const history = await get('/scorecards/history?groupBy=system');
      expect(history.status).toBe(200);
      expect(history.body.snapshots.map((s: { day: string }) => s.day)).toEqual(
        [snapshotDay(new Date())],
      );
      expect(
        history.body.trends.map((t: { key: string | null }) => t.key),
      ).toEqual(['system:default/payments-system', null]);

      const ledger = await get(
        '/entities/component/default/ledger/score/history',
      );
      expect(ledger.status).toBe(200);
      expect(ledger.body.points).toHaveLength(1);
      expect(ledger.body.points[0]).toMatchObject({
        day: snapshotDay(new Date()),
        level: expect.stringMatching(/^(none|bronze|silver|gold)$/),
      });
      const unknown = await get(
        '/entities/component/default/nothing-here/score/history',
      );
      expect(unknown.status).toBe(404);
    });

    it.each([
      [
        '/scorecards?groupBy=team',
        'query.groupBy: must be one of owner, system, domain, none',
      ],
      ['/scorecards?format=xml', 'query.format: must be json or csv'],
      ['/scorecards?live=yes', 'query.live: must be true or false'],
      ['/scorecards?kind=', 'query.kind: must not be empty'],
      ['/scorecards?colour=red', 'colour'],
      [
        '/scorecards/history?from=2026-02-30',
        'query.from: must be a date that exists',
      ],
      [
        '/scorecards/history?from=yesterday',
        'query.from: must be a date as YYYY-MM-DD',
      ],
      [
        '/scorecards/history?from=2026-12-02&to=2026-12-01',
        'query.from: must not be after to',
      ],
      [
        '/scorecards/history?from=2020-01-01&to=2026-12-01',
        'query.from: must be less than 1000 days before to',
      ],
      [
        '/entities/component/default/ledger/score/history?to=2026-13-01',
        'query.to',
      ],
    ])('rejects %s with a 400 naming the parameter', async (path, message) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toContain(message);
    });

    it('needs credentials', async () => {
      const response = await request(server).get(`${api}/scorecards`);
      expect(response.status).toBe(401);
    });
  },
);
