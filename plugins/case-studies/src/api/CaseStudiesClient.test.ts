import { ResponseError } from '@backstage/errors';
import {
  conflictState,
  idempotencyProgress,
  idempotencyRollout,
  idempotencyRolloutResponse,
  ledgerGuidance,
  ledgerScoreHistory,
  ownerScorecard,
  ownerScorecardHistory,
  paymentsTeamRollup,
} from '../testing/fixtures';
import { CaseStudiesClient } from './CaseStudiesClient';
import { ChecklistConflictError } from './ChecklistConflictError';
import {
  isRolloutConflictError,
  RolloutConflictError,
} from './RolloutConflictError';

const entity = {
  kind: 'Component',
  namespace: 'default',
  name: 'ledger service',
};

function jsonResponse(status: number, body: unknown) {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json' : null,
    },
    json: async () => JSON.parse(text),
    text: async () => text,
  } as unknown as Response;
}

function csvResponse(text: string, contentDisposition: string | null) {
  return {
    ok: true,
    status: 200,
    statusText: 'OK',
    headers: {
      get: (name: string) =>
        ({
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': contentDisposition,
        }[name.toLowerCase()] ?? null),
    },
    blob: async () => new Blob([text], { type: 'text/csv' }),
  } as unknown as Response;
}

function clientAnswering(status: number, body: unknown) {
  return clientWith(jsonResponse(status, body));
}

function clientWith(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const client = new CaseStudiesClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend/api/${id}`,
    },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

describe('CaseStudiesClient', () => {
  it('reads the guidance of an entity from its path', async () => {
    const { client, fetch } = clientAnswering(200, ledgerGuidance);
    await expect(client.getGuidance(entity)).resolves.toEqual(ledgerGuidance);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/case-studies/entities/Component/default/ledger%20service/guidance',
      undefined,
    );
  });

  it('posts an entity to /match', async () => {
    const { client, fetch } = clientAnswering(200, ledgerGuidance);
    const body = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'draft' },
    };
    await client.match(body);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backend/api/case-studies/match');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({ entity: body });
  });

  it('sends a checklist update with the version it last saw', async () => {
    const { client, fetch } = clientAnswering(200, conflictState);
    await client.updateChecklistItem(entity, 'chaos-experiments', {
      status: 'done',
      version: 0,
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      'http://backend/api/case-studies/entities/Component/default/ledger%20service/checklist/chaos-experiments',
    );
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body)).toEqual({ status: 'done', version: 0 });
  });

  it('turns a 409 into a ChecklistConflictError carrying the current state', async () => {
    const { client } = clientAnswering(409, {
      error: {
        name: 'ConflictError',
        message: 'changed by user:default/carol',
      },
      response: { statusCode: 409 },
      current: conflictState,
    });
    const error = await client
      .updateChecklistItem(entity, 'chaos-experiments', {
        status: 'in-progress',
        version: 0,
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ChecklistConflictError);
    expect(error.current).toEqual(conflictState);
    expect(error.message).toBe('changed by user:default/carol');
    expect(error.cause).toBeInstanceOf(ResponseError);
  });

  it('keeps other errors as ResponseError with the backend message', async () => {
    const { client } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'Only the owners may change it',
      },
      response: { statusCode: 403 },
    });
    const error = await client
      .updateChecklistItem(entity, 'chaos-experiments', { status: 'done' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.name).toBe('NotAllowedError');
  });

  it('passes history paging options as query parameters', async () => {
    const { client, fetch } = clientAnswering(200, { items: [] });
    await client.getChecklistHistory(entity, {
      itemId: 'chaos-experiments',
      limit: 20,
      cursor: '42',
    });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/case-studies/entities/Component/default/ledger%20service/checklist/history?itemId=chaos-experiments&limit=20&cursor=42',
    );
  });

  describe('getProgress', () => {
    it.each([
      ['Group', 'groups'],
      ['group', 'groups'],
      ['System', 'systems'],
      ['Domain', 'domains'],
      ['User', 'users'],
    ])('reads the roll-up of a %s from /%s', async (kind, collection) => {
      const { client, fetch } = clientAnswering(200, paymentsTeamRollup);
      await expect(
        client.getProgress({ kind, namespace: 'default', name: 'payments' }),
      ).resolves.toEqual(paymentsTeamRollup);
      expect(fetch).toHaveBeenCalledWith(
        `http://backend/api/case-studies/${collection}/default/payments/progress`,
        undefined,
      );
    });

    it('passes recursive, limit and cursor as query parameters, encoding the name', async () => {
      const { client, fetch } = clientAnswering(200, paymentsTeamRollup);
      await client.getProgress(
        { kind: 'Group', namespace: 'ops', name: 'payments team' },
        { recursive: false, limit: 500, cursor: 'group:default/b' },
      );
      expect(fetch.mock.calls[0][0]).toBe(
        'http://backend/api/case-studies/groups/ops/payments%20team/progress?recursive=false&limit=500&cursor=group%3Adefault%2Fb',
      );
    });

    it('rejects other kinds without asking the backend', async () => {
      const { client, fetch } = clientAnswering(200, paymentsTeamRollup);
      await expect(client.getProgress(entity)).rejects.toThrow(
        'Roll-ups are of groups, systems, domains and users, not of Component entities',
      );
      expect(fetch).not.toHaveBeenCalled();
    });

    it('keeps backend errors as ResponseError', async () => {
      const { client } = clientAnswering(404, {
        error: { name: 'NotFoundError', message: 'No group default/ghosts' },
        response: { statusCode: 404 },
      });
      const error = await client
        .getProgress({ kind: 'Group', namespace: 'default', name: 'ghosts' })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
    });
  });
  describe('scorecards', () => {
    it('reads the report with its grouping and filters, computing it live only when asked', async () => {
      const { client, fetch } = clientAnswering(200, ownerScorecard);
      await expect(client.getScorecard()).resolves.toEqual(ownerScorecard);
      await client.getScorecard({
        groupBy: 'system',
        kind: 'Component',
        type: 'web service',
        lifecycle: 'production',
        live: true,
      });
      await client.getScorecard({ groupBy: 'domain', live: false });
      expect(fetch.mock.calls.map(call => call[0])).toEqual([
        'http://backend/api/case-studies/scorecards',
        'http://backend/api/case-studies/scorecards?groupBy=system&kind=Component&type=web+service&lifecycle=production&live=true',
        'http://backend/api/case-studies/scorecards?groupBy=domain',
      ]);
    });

    it('reads the history of a period', async () => {
      const { client, fetch } = clientAnswering(200, ownerScorecardHistory);
      await expect(
        client.getScorecardHistory({
          groupBy: 'owner',
          lifecycle: 'production',
          from: '2026-01-01',
          to: '2026-04-15',
        }),
      ).resolves.toEqual(ownerScorecardHistory);
      expect(fetch.mock.calls[0][0]).toBe(
        'http://backend/api/case-studies/scorecards/history?groupBy=owner&lifecycle=production&from=2026-01-01&to=2026-04-15',
      );
    });

    it("reads an entity's score history from its path", async () => {
      const { client, fetch } = clientAnswering(200, ledgerScoreHistory);
      await expect(client.getEntityScoreHistory(entity)).resolves.toEqual(
        ledgerScoreHistory,
      );
      expect(fetch).toHaveBeenCalledWith(
        'http://backend/api/case-studies/entities/Component/default/ledger%20service/score/history',
        undefined,
      );
    });

    it('downloads the CSV through fetchApi, named as the backend names it', async () => {
      const { client, fetch } = clientWith(
        csvResponse(
          'group,entities\n',
          'attachment; filename="case-studies-scorecard-owner-2026-04-15.csv"',
        ),
      );
      const file = await client.downloadScorecardCsv({
        groupBy: 'owner',
        kind: 'Component',
      });
      expect(fetch.mock.calls[0][0]).toBe(
        'http://backend/api/case-studies/scorecards?groupBy=owner&kind=Component&format=csv',
      );
      expect(file.filename).toBe('case-studies-scorecard-owner-2026-04-15.csv');
      await expect(file.blob.text()).resolves.toBe('group,entities\n');
    });

    it.each([
      [
        'a percent-encoded filename*',
        `attachment; filename="scorecard.csv"; filename*=UTF-8''scorecard%20%C3%A9quipe.csv`,
        'scorecard équipe.csv',
      ],
      [
        'a bare filename',
        'attachment; filename=scorecard.csv',
        'scorecard.csv',
      ],
      [
        'escaped quotes',
        'attachment; filename="the \\"best\\" teams.csv"',
        'the "best" teams.csv',
      ],
      ['no header', null, 'case-studies-scorecard.csv'],
      ['no file name', 'attachment', 'case-studies-scorecard.csv'],
    ])(
      'reads the CSV file name from %s',
      async (_case, contentDisposition, filename) => {
        const { client } = clientWith(csvResponse('', contentDisposition));
        const file = await client.downloadScorecardCsv();
        expect(file.filename).toBe(filename);
      },
    );

    it('turns a bad parameter into a ResponseError naming it', async () => {
      const { client } = clientAnswering(400, {
        error: { name: 'InputError', message: 'groupBy must be one of …' },
        response: { statusCode: 400 },
      });
      const error = await client.downloadScorecardCsv().catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.body.error.message).toBe('groupBy must be one of …');
      await expect(client.getScorecard()).rejects.toBeInstanceOf(ResponseError);
    });
  });

  describe('rollouts', () => {
    const base = 'http://backend/api/case-studies/rollouts';

    it('lists rollouts with the filters that are set', async () => {
      const { client, fetch } = clientAnswering(200, {
        rollouts: [idempotencyRollout],
      });
      await expect(
        client.listRollouts({
          state: 'active',
          entity: 'component:default/ledger-service',
        }),
      ).resolves.toEqual({ rollouts: [idempotencyRollout] });
      expect(fetch).toHaveBeenCalledWith(
        `${base}?state=active&entity=component%3Adefault%2Fledger-service`,
        undefined,
      );
      await client.listRollouts();
      expect(fetch).toHaveBeenLastCalledWith(base, undefined);
    });

    it('reads a rollout with its history, and its progress', async () => {
      const { client, fetch } = clientAnswering(
        200,
        idempotencyRolloutResponse,
      );
      await expect(client.getRollout('r/1')).resolves.toEqual(
        idempotencyRolloutResponse,
      );
      expect(fetch).toHaveBeenCalledWith(`${base}/r%2F1`, undefined);
      const progress = clientAnswering(200, idempotencyProgress);
      await expect(
        progress.client.getRolloutProgress('r-idempotency'),
      ).resolves.toEqual(idempotencyProgress);
      expect(progress.fetch).toHaveBeenCalledWith(
        `${base}/r-idempotency/progress`,
        undefined,
      );
    });

    it('posts a new rollout as JSON', async () => {
      const { client, fetch } = clientAnswering(201, idempotencyRollout);
      const input = {
        title: 'Idempotency keys everywhere',
        itemIds: ['idempotency-keys'],
        target: { systems: ['payments'] },
        startDate: '2026-03-01',
        dueDate: '2026-03-31',
      };
      await expect(client.createRollout(input)).resolves.toEqual(
        idempotencyRollout,
      );
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(base);
      expect(init.method).toBe('POST');
      expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(JSON.parse(init.body)).toEqual(input);
    });

    it('patches a rollout with the version it last saw', async () => {
      const { client, fetch } = clientAnswering(200, idempotencyRollout);
      await client.updateRollout('r-idempotency', {
        state: 'done',
        version: 3,
      });
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${base}/r-idempotency`);
      expect(init.method).toBe('PATCH');
      expect(JSON.parse(init.body)).toEqual({ state: 'done', version: 3 });
    });

    it('turns a 409 into a RolloutConflictError carrying the current rollout', async () => {
      const { client } = clientAnswering(409, {
        error: {
          name: 'ConflictError',
          message: 'Rollout r-idempotency changed since version 2',
        },
        response: { statusCode: 409 },
        current: idempotencyRollout,
      });
      const error = await client
        .updateRollout('r-idempotency', { title: 'Mine', version: 2 })
        .catch(e => e);
      expect(error).toBeInstanceOf(RolloutConflictError);
      expect(isRolloutConflictError(error)).toBe(true);
      expect(error.current).toEqual(idempotencyRollout);
      expect(error.message).toBe(
        'Rollout r-idempotency changed since version 2',
      );
      expect(error.cause).toBeInstanceOf(ResponseError);
    });

    it('keeps a 403 and a 409 without a rollout as ResponseError', async () => {
      const forbidden = clientAnswering(403, {
        error: { name: 'NotAllowedError', message: 'Not allowed' },
        response: { statusCode: 403 },
      });
      const error = await forbidden.client
        .updateRollout('r-idempotency', { title: 'Mine' })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(isRolloutConflictError(error)).toBe(false);
      const bare = clientAnswering(409, {
        error: { name: 'ConflictError', message: 'conflict' },
        response: { statusCode: 409 },
      });
      await expect(
        bare.client.updateRollout('r-idempotency', { version: 1 }),
      ).rejects.toBeInstanceOf(ResponseError);
    });

    it("approves an entity's exemption", async () => {
      const { client, fetch } = clientAnswering(201, {});
      await expect(
        client.approveExemption(
          'r-idempotency',
          'component:default/ledger-service',
          'chaos-experiments',
        ),
      ).resolves.toBeUndefined();
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${base}/r-idempotency/approvals`);
      expect(init.method).toBe('POST');
      expect(JSON.parse(init.body)).toEqual({
        entityRef: 'component:default/ledger-service',
        itemId: 'chaos-experiments',
      });
    });
  });
});
