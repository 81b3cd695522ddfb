import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { DatabaseHealth } from '../service/DatabaseHealth';
import { databaseDeadline } from './databaseDeadline';
import { errorHandler, isDatabaseUnavailable } from './errors';

/** A router whose one route fails with `error`, behind the plugin's error handler. */
function appFailingWith(error: unknown) {
  const router = Router();
  router.get('/fail', async () => {
    throw error;
  });
  router.use(
    errorHandler({ logger: mockServices.logger.mock(), retryAfterSeconds: 7 }),
  );
  return express().use(router);
}

/** What pg and Knex throw when the database is stopped or frozen. */
function connectionRefused() {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5544'), {
    code: 'ECONNREFUSED',
    address: '127.0.0.1',
    port: 5544,
  });
}
function knexTimeout() {
  const error = new Error(
    'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
  );
  error.name = 'KnexTimeoutError';
  return error;
}

describe('error responses', () => {
  it('answers a database that refuses connections with 503, Retry-After and no address', async () => {
    const response = await request(appFailingWith(connectionRefused())).get(
      '/fail',
    );
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.body.error.name).toBe('ServiceUnavailableError');
    expect(JSON.stringify(response.body)).not.toMatch(
      /127\.0\.0\.1|5544|ECONN/,
    );
  });

  it("answers Knex's pool timeout with 503 and none of its text", async () => {
    const response = await request(appFailingWith(knexTimeout())).get('/fail');
    expect(response.status).toBe(503);
    expect(JSON.stringify(response.body)).not.toMatch(/Knex|pool|transacting/);
  });

  it('answers an unexpected error with a plain 500: no message, stack or path', async () => {
    const error = new Error(
      'column "secret_column" of relation "checklist_item" does not exist',
    );
    const response = await request(appFailingWith(error)).get('/fail');
    expect(response.status).toBe(500);
    const body = JSON.stringify(response.body);
    expect(body).not.toMatch(/secret_column|checklist_item|stack|\/work\//);
    expect(response.body.response.statusCode).toBe(500);
  });

  it('keeps the message of client errors, without a stack even in development', async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      const bad = await request(
        appFailingWith(new InputError('body.status: must be done or todo')),
      ).get('/fail');
      expect(bad.status).toBe(400);
      expect(bad.body.error).toEqual({
        name: 'InputError',
        message: 'body.status: must be done or todo',
      });
      const denied = await request(
        appFailingWith(new NotAllowedError('not an owner')),
      ).get('/fail');
      expect(denied.status).toBe(403);
      expect(denied.body.error.stack).toBeUndefined();
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });

  it('answers a path Express cannot decode with 400, not 500', async () => {
    const router = Router();
    router.get('/entities/:name', async (_req, res) => {
      res.json({});
    });
    router.use(
      errorHandler({
        logger: mockServices.logger.mock(),
        retryAfterSeconds: 1,
      }),
    );
    const app = express().use(router);
    for (const name of ['%ZZ', '%ED%A0%80']) {
      const response = await request(app).get(`/entities/${name}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^path: /);
    }
  });

  it('tells database outages from query errors', () => {
    expect(isDatabaseUnavailable(connectionRefused())).toBe(true);
    expect(isDatabaseUnavailable(knexTimeout())).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new AggregateError([connectionRefused(), connectionRefused()]),
      ),
    ).toBe(true);
    // a unique violation or a syntax error is a bug or a race, not an outage
    expect(
      isDatabaseUnavailable(Object.assign(new Error('x'), { code: '23505' })),
    ).toBe(false);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('x'), { code: '42601' })),
    ).toBe(false);
  });
});

describe('databaseDeadline', () => {
  /** A route that hangs for `ms`, as a query on a frozen database does. */
  function appWithSlowRoute(health: DatabaseHealth, ms: number) {
    const router = Router();
    router.use(databaseDeadline({ health, waitMs: 200, retryAfterSeconds: 1 }));
    router.get('/slow', async (_req, res) => {
      // unref: the test need not wait for a route whose answer was dropped
      await new Promise(resolve => setTimeout(resolve, ms).unref());
      res.json({ done: true });
    });
    router.use(
      errorHandler({
        logger: mockServices.logger.mock(),
        retryAfterSeconds: 1,
      }),
    );
    return express().use(router);
  }

  it('answers 503 soon when the request hangs and the database does not answer', async () => {
    const frozen = {
      raw: () => new Promise(() => {}),
    } as unknown as ConstructorParameters<typeof DatabaseHealth>[0];
    const started = Date.now();
    const response = await request(
      appWithSlowRoute(new DatabaseHealth(frozen, 200), 5000),
    ).get('/slow');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    // deadline 200 ms + probe 200 ms, with room for a slow machine
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('leaves a slow request alone while the database answers', async () => {
    const healthy = {
      raw: async () => [{ 1: 1 }],
    } as unknown as ConstructorParameters<typeof DatabaseHealth>[0];
    const response = await request(
      appWithSlowRoute(new DatabaseHealth(healthy, 200), 700),
    ).get('/slow');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ done: true });
  });
});
