import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'fs';
import { Knex } from 'knex';
import path from 'path';
import request from 'supertest';
import { migrationsDir } from './database/migrations';
import { createRouter, RouterOptions } from './router';
import {
  BACKEND_KEY_ID,
  startRealAuthBackend,
} from './__testUtils__/realAuthBackend';
import {
  decodeJwt,
  hmacWithPublicKey,
  limitedTokenOf,
  newEs256Key,
  resignedWith,
  signEs256,
  signUserToken,
  unsecured,
  withChangedPayload,
} from './__testUtils__/realAuthTokens';
import { component, group, user } from './testing/rollupCatalog';
import { withRelations } from './testing/withRelations';

/*
 * Issue 16, authorisation: with Backstage's real token handling (see
 * startRealAuthBackend), every mutating route refuses every caller who may
 * not change it, and every token that is missing, forged, re-signed,
 * unsigned, expired or of the wrong kind, with 401 or 403 and nothing
 * written; reads show only what the catalog lets the caller see.
 */

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const api = '/api/case-studies';

/** In payments, which owns checkout and hidden-service. */
const OWNER = 'user:default/alice';
/** In platform, the platform group: manages rollouts, owns nothing. */
const PLATFORM_MEMBER = 'user:default/bob';
/** Owns nothing, manages nothing, and may not see hidden-service. */
const OUTSIDER = 'user:default/mallory';
const CHECKOUT = 'component:default/checkout';
const HIDDEN = 'component:default/hidden-service';
const ITEM = 'continuous-integration';

const entities = withRelations([
  group('payments'),
  group('platform'),
  group('outsiders'),
  user('alice', ['payments']),
  user('bob', ['platform']),
  user('mallory', ['outsiders']),
  component('checkout', 'payments', { tags: ['ruby'] }),
  component('hidden-service', 'payments'),
]);

const rolloutInput = {
  title: 'Payments CI',
  itemIds: [ITEM],
  target: { owners: ['payments'] },
  startDate: '2026-11-01',
  dueDate: '2027-03-01',
  state: 'active',
  requireExemptionApproval: true,
};

/** The plugin's tables, as its migrations create them. */
function pluginTables(): string[] {
  const tables = fs
    .readdirSync(migrationsDir)
    .filter(file => file.endsWith('.js'))
    .flatMap(file =>
      [
        ...fs
          .readFileSync(path.join(migrationsDir, file), 'utf8')
          .matchAll(/createTable\(\s*'([a-z_]+)'/g),
      ].map(match => match[1]),
    );
  return [...new Set(tables)].sort();
}

/** Every row of every plugin table, in a stable order. */
async function snapshot(knex: Knex): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of pluginTables()) {
    const rows = await knex(table).select();
    result[table] = rows.map(row => JSON.stringify(row)).sort();
  }
  return result;
}

const seconds = () => Math.floor(Date.now() / 1000);

/** `METHOD /path` of every route of an express router and the routers it mounts. */
function routesOf(router: { stack: unknown[] }): string[] {
  return router.stack.flatMap(entry => {
    const layer = entry as {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
    };
    if (layer.route) {
      const { path: routePath, methods } = layer.route;
      return Object.keys(methods).map(
        method => `${method.toUpperCase()} ${routePath}`,
      );
    }
    return layer.handle?.stack
      ? routesOf(layer.handle as { stack: unknown[] })
      : [];
  });
}

/** The routes that write, each tried below with every kind of token. */
const MUTATING_ROUTES = [
  'PUT /entities/:kind/:namespace/:name/checklist/:itemId',
  'POST /rollouts',
  'PATCH /rollouts/:id',
  'POST /rollouts/:id/approvals',
];

it('tries every route that is not a GET: the mutating ones, and POST /match, which only computes', async () => {
  // The services are not called while the routes are set up.
  const router = await createRouter({
    databaseSettings: { retryAfterSeconds: 1, timeoutMs: 1000 },
  } as RouterOptions);
  const routes = routesOf(router as unknown as { stack: unknown[] });
  expect(routes).toContain('GET /entities/:kind/:namespace/:name/guidance');
  expect(routes.filter(route => !route.startsWith('GET ')).sort()).toEqual(
    [...MUTATING_ROUTES, 'POST /match'].sort(),
  );
});

describe.each(databases.eachSupportedId())(
  'authorisation with real tokens on %s',
  databaseId => {
    let knex: Knex;
    let server: Awaited<ReturnType<typeof startRealAuthBackend>>['server'];
    let backendKey: ReturnType<typeof newEs256Key>;
    const tokens: Record<string, string> = {};
    let rolloutId: string;

    const send = (
      method: 'get' | 'put' | 'post' | 'patch',
      route: string,
      authorization?: string,
      body?: object,
    ) => {
      let call = request(server)[method](`${api}${route}`);
      if (authorization !== undefined) {
        call = call.set('Authorization', authorization);
      }
      return body ? call.send(body) : call;
    };
    const as = (userRef: string) => `Bearer ${tokens[userRef]}`;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      let signIn: (userRef: string) => Promise<string>;
      ({ server, signIn, backendKey } = await startRealAuthBackend({
        knex,
        entities,
        platformGroups: ['group:default/platform'],
        hidden: { entityRef: HIDDEN, fromUsers: [OUTSIDER] },
      }));
      for (const userRef of [OWNER, PLATFORM_MEMBER, OUTSIDER]) {
        tokens[userRef] = await signIn(userRef);
      }

      // Something for each mutating route to change: a rollout, and an
      // exemption in it awaiting approval.
      const created = await send(
        'post',
        '/rollouts',
        as(PLATFORM_MEMBER),
        rolloutInput,
      );
      if (created.status !== 201) {
        throw new Error(
          `Creating the rollout: ${created.status} ${created.text}`,
        );
      }
      rolloutId = created.body.id;
      const exempted = await send(
        'put',
        `/entities/component/default/checkout/checklist/${ITEM}`,
        as(OWNER),
        { status: 'not-applicable', note: 'Deployed by hand, reviewed.' },
      );
      if (exempted.status !== 200) {
        throw new Error(`Exempting: ${exempted.status} ${exempted.text}`);
      }
    });

    /** Every route that writes, with who may use it and who may not. */
    const mutatingRoutes = () => [
      {
        name: 'PUT /entities/:kind/:namespace/:name/checklist/:itemId',
        method: 'put' as const,
        route: `/entities/component/default/checkout/checklist/${ITEM}`,
        body: { status: 'done' },
        allowed: OWNER,
        refused: [OUTSIDER, PLATFORM_MEMBER],
      },
      {
        name: 'POST /rollouts',
        method: 'post' as const,
        route: '/rollouts',
        body: { ...rolloutInput, title: 'Unwanted rollout' },
        allowed: PLATFORM_MEMBER,
        refused: [OUTSIDER, OWNER],
      },
      {
        name: 'PATCH /rollouts/:id',
        method: 'patch' as const,
        route: `/rollouts/${rolloutId}`,
        body: { title: 'Taken over' },
        allowed: PLATFORM_MEMBER,
        refused: [OUTSIDER, OWNER],
      },
      {
        name: 'POST /rollouts/:id/approvals',
        method: 'post' as const,
        route: `/rollouts/${rolloutId}/approvals`,
        body: { entityRef: CHECKOUT, itemId: ITEM },
        allowed: PLATFORM_MEMBER,
        refused: [OUTSIDER, OWNER],
      },
    ];

    /**
     * The Authorization headers an attacker can make to act as `victim`,
     * starting from their own token (the outsider's) and the victim's
     * token where one could leak (its limited token).
     */
    function invalidAuthorizations(victim: string) {
      const own = tokens[OUTSIDER];
      const attackerKey = newEs256Key();
      const asVictim = withChangedPayload(own, payload => ({
        ...payload,
        sub: victim,
      }));
      const victimClaims = decodeJwt(tokens[victim]).payload;
      const now = seconds();
      const bearer = (token: string) => `Bearer ${token}`;
      return [
        { kind: 'no Authorization header', authorization: undefined },
        { kind: 'a bearer that is not a JWT', authorization: 'Bearer x.y.z' },
        {
          kind: 'Basic credentials',
          authorization: `Basic ${Buffer.from(`${victim}:secret`).toString(
            'base64',
          )}`,
        },
        {
          kind: 'forged: sub changed to the victim, original signature',
          authorization: bearer(asVictim),
        },
        {
          kind: 'forged: ent claim naming the owning and platform groups, original signature',
          authorization: bearer(
            withChangedPayload(own, payload => ({
              ...payload,
              ent: [
                OUTSIDER,
                'group:default/payments',
                'group:default/platform',
              ],
            })),
          ),
        },
        {
          kind: 'forged: exp a year later, original signature',
          authorization: bearer(
            withChangedPayload(own, payload => ({
              ...payload,
              exp: now + 365 * 24 * 3600,
            })),
          ),
        },
        {
          kind: "re-signed by another key under the backend's key id",
          authorization: bearer(resignedWith(asVictim, attackerKey.privateKey)),
        },
        {
          kind: 'signed by another key under its own key id',
          authorization: bearer(
            resignedWith(asVictim, attackerKey.privateKey, header => ({
              ...header,
              kid: 'attacker-key',
            })),
          ),
        },
        {
          kind: 'alg none, empty signature',
          authorization: bearer(
            unsecured(own, payload => ({ ...payload, sub: victim })),
          ),
        },
        {
          kind: "HS256 with the backend's public key as the secret",
          authorization: bearer(
            hmacWithPublicKey(asVictim, backendKey.publicKeyPem),
          ),
        },
        {
          kind: "expired, signed with the backend's own key",
          authorization: bearer(
            signUserToken({
              privateKey: backendKey.privateKey,
              kid: BACKEND_KEY_ID,
              payload: {
                ...victimClaims,
                sub: victim,
                iat: now - 7200,
                exp: now - 3600,
              },
            }),
          ),
        },
        {
          kind: "the victim's limited token (its uip claim) as a bearer",
          authorization: bearer(limitedTokenOf(tokens[victim])),
        },
        {
          kind: 'a plugin token signed by another key, on behalf of the victim',
          authorization: bearer(
            signEs256(
              { typ: 'vnd.backstage.plugin', kid: 'attacker-key' },
              {
                sub: 'catalog',
                aud: 'case-studies',
                iat: now,
                exp: now + 3600,
                obo: limitedTokenOf(tokens[victim]),
              },
              attackerKey.privateKey,
            ),
          ),
        },
      ];
    }

    const outcome = (response: request.Response) =>
      `${response.status} ${response.body?.error?.name ?? ''}`.trim();

    it('refuses every invalid token and every caller without the permission on every mutating route, writing nothing', async () => {
      const before = await snapshot(knex);
      expect(Object.keys(before)).toEqual(
        expect.arrayContaining(['checklist_status', 'rollout']),
      );
      expect(before.rollout).toHaveLength(1);

      const routes = mutatingRoutes();
      expect(routes.map(route => route.name)).toEqual(MUTATING_ROUTES);
      const results: { route: string; caller: string; outcome: string }[] = [];
      const expected: typeof results = [];
      for (const route of routes) {
        for (const { kind, authorization } of invalidAuthorizations(
          route.allowed,
        )) {
          const response = await send(
            route.method,
            route.route,
            authorization,
            route.body,
          );
          results.push({
            route: route.name,
            caller: kind,
            outcome: outcome(response),
          });
          expected.push({
            route: route.name,
            caller: kind,
            outcome: '401 AuthenticationError',
          });
        }
        for (const userRef of route.refused) {
          const response = await send(
            route.method,
            route.route,
            as(userRef),
            route.body,
          );
          results.push({
            route: route.name,
            caller: `${userRef}'s valid token`,
            outcome: outcome(response),
          });
          expected.push({
            route: route.name,
            caller: `${userRef}'s valid token`,
            outcome: '403 NotAllowedError',
          });
        }
      }

      // 4 routes × (13 kinds of invalid token + 2 callers without the permission)
      expect(results).toHaveLength(4 * (13 + 2));
      expect(results).toEqual(expected);
      expect(await snapshot(knex)).toEqual(before);
    });

    it('accepts the same requests from the callers who may make them, and each writes', async () => {
      // Shows that the refusals above are the tokens' and callers' doing,
      // and that the snapshot sees each route's writes. Last route first:
      // the approval while the exemption it approves is still there.
      for (const route of mutatingRoutes().reverse()) {
        const before = await snapshot(knex);
        const response = await send(
          route.method,
          route.route,
          as(route.allowed),
          route.body,
        );
        expect({ route: route.name, status: response.status }).toEqual({
          route: route.name,
          status: route.method === 'post' ? 201 : 200,
        });
        expect(await snapshot(knex)).not.toEqual(before);
      }
    });

    it("accepts a token made with the backend's key like the expired one but for its expiry", async () => {
      const now = seconds();
      const crafted = signUserToken({
        privateKey: backendKey.privateKey,
        kid: BACKEND_KEY_ID,
        payload: {
          ...decodeJwt(tokens[OWNER]).payload,
          sub: OWNER,
          iat: now,
          exp: now + 600,
        },
      });
      const response = await send(
        'put',
        `/entities/component/default/checkout/checklist/${ITEM}`,
        `Bearer ${crafted}`,
        { status: 'in-progress' },
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'in-progress',
        updatedBy: OWNER,
      });
    });

    it('refuses every invalid token on the read routes too, and lets any signed-in user read', async () => {
      const reads: { method: 'get' | 'post'; route: string; body?: object }[] =
        [
          { method: 'get', route: '/knowledge' },
          {
            method: 'post',
            route: '/match',
            body: {
              entity: entities.find(e => e.metadata.name === 'checkout'),
            },
          },
          {
            method: 'get',
            route: '/entities/component/default/checkout/guidance',
          },
          {
            method: 'get',
            route: '/entities/component/default/checkout/checklist/history',
          },
          {
            method: 'get',
            route: '/entities/component/default/checkout/score/history',
          },
          { method: 'get', route: '/groups/default/payments/progress' },
          { method: 'get', route: '/users/default/alice/progress' },
          { method: 'get', route: '/scorecards' },
          { method: 'get', route: '/scorecards/history' },
          { method: 'get', route: '/rollouts' },
          { method: 'get', route: `/rollouts/${rolloutId}` },
          { method: 'get', route: `/rollouts/${rolloutId}/progress` },
        ];
      const notRefused: string[] = [];
      const notServed: string[] = [];
      for (const read of reads) {
        for (const { kind, authorization } of invalidAuthorizations(OWNER)) {
          const response = await send(
            read.method,
            read.route,
            authorization,
            read.body,
          );
          if (response.status !== 401) {
            notRefused.push(`${read.route} with ${kind}: ${response.status}`);
          }
        }
        const response = await send(
          read.method,
          read.route,
          as(OUTSIDER),
          read.body,
        );
        if (response.status !== 200) {
          notServed.push(`${read.route}: ${response.status}`);
        }
      }
      expect(notRefused).toEqual([]);
      expect(notServed).toEqual([]);
    });

    it('answers 404 for an entity the catalog hides from the caller, and leaves it out of roll-ups, scorecards and rollout progress', async () => {
      const hidden = '/entities/component/default/hidden-service';
      for (const route of [
        `${hidden}/guidance`,
        `${hidden}/checklist/history`,
        `${hidden}/score/history`,
      ]) {
        expect({
          route,
          status: (await send('get', route, as(OWNER))).status,
        }).toEqual({ route, status: 200 });
        expect({
          route,
          status: (await send('get', route, as(OUTSIDER))).status,
        }).toEqual({ route, status: 404 });
      }

      const before = await snapshot(knex);
      const change = await send(
        'put',
        `${hidden}/checklist/${ITEM}`,
        as(OUTSIDER),
        { status: 'done' },
      );
      expect(change.status).toBe(404);
      expect(await snapshot(knex)).toEqual(before);

      const rollupRefs = async (userRef: string) =>
        (
          await send('get', '/groups/default/payments/progress', as(userRef))
        ).body.entities.map((e: { entityRef: string }) => e.entityRef);
      expect(await rollupRefs(OWNER)).toEqual([CHECKOUT, HIDDEN]);
      expect(await rollupRefs(OUTSIDER)).toEqual([CHECKOUT]);

      const scorecardKeys = async (userRef: string) =>
        (
          await send('get', '/scorecards?live=true&groupBy=none', as(userRef))
        ).body.groups.map((g: { key: string }) => g.key);
      expect(await scorecardKeys(OWNER)).toEqual(
        expect.arrayContaining([CHECKOUT, HIDDEN]),
      );
      expect(await scorecardKeys(OUTSIDER)).toContain(CHECKOUT);
      expect(await scorecardKeys(OUTSIDER)).not.toContain(HIDDEN);

      const progressRefs = async (userRef: string) =>
        (
          await send('get', `/rollouts/${rolloutId}/progress`, as(userRef))
        ).body.entities.map((e: { entityRef: string }) => e.entityRef);
      expect(await progressRefs(OWNER)).toEqual(
        expect.arrayContaining([CHECKOUT, HIDDEN]),
      );
      expect(await progressRefs(OUTSIDER)).toEqual([CHECKOUT]);
    });
  },
);
