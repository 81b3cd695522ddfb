import { LoggerService } from '@backstage/backend-plugin-api';
import { ErrorResponseBody } from '@backstage/errors';
import express from 'express';

/*
 * What a client learns when a request fails: a Backstage error body with a
 * status and a plain message, never a stack trace, a file path, SQL, or the
 * database's address; the details go to the log. A database that cannot be
 * reached is a 503 with Retry-After, so clients and load balancers back off
 * and retry instead of treating it as a bug.
 */

/** Errors of @backstage/errors (and body-parser's) whose message is written for the client. */
const CLIENT_ERRORS: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotModifiedError: 304,
  NotImplementedError: 501,
};

/** PostgreSQL SQLSTATE classes and codes meaning "the server is not there (now)". */
const POSTGRES_UNAVAILABLE = /^(08|53|57P0[1-3])/;
/** Node's socket errors when the database host does not answer. */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

/** Whether an error says the database could not be reached, rather than that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    errors?: unknown[];
  };
  if (!e || typeof e !== 'object') return false;
  if (e.code && SOCKET_ERRORS.has(e.code)) return true;
  if (e.code && POSTGRES_UNAVAILABLE.test(e.code)) return true;
  // Knex: the pool waited for a connection in vain, or was destroyed
  if (e.name === 'KnexTimeoutError') return true;
  if (
    /Unable to acquire a connection|Connection terminated/.test(e.message ?? '')
  )
    return true;
  // SQLite: the file is locked by another process for longer than busy_timeout
  if (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_CANTOPEN') return true;
  // AggregateError of a connection to several addresses (IPv4 and IPv6)
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable);
}

/** The status and client-facing message of an error. */
export function describeError(
  error: unknown,
  retryAfterSeconds: number,
): { status: number; name: string; message: string } {
  const e = error as {
    name?: string;
    message?: string;
    status?: number;
    expose?: boolean;
    type?: string;
  };
  if (e?.name && e.name in CLIENT_ERRORS) {
    return {
      status: CLIENT_ERRORS[e.name],
      name: e.name,
      message: e.message ?? e.name,
    };
  }
  // Express could not percent-decode a path parameter (`%ZZ`, `%ED%A0%80`)
  if (e?.name === 'URIError' && e.status === 400) {
    return {
      status: 400,
      name: 'InputError',
      message: 'path: not valid percent-encoded UTF-8',
    };
  }
  // body-parser: too large (413), bad charset (415), ...; its messages are for clients
  if (e?.expose && e.status && e.status >= 400 && e.status < 500) {
    return {
      status: e.status,
      name: e.status === 413 ? 'PayloadTooLargeError' : 'InputError',
      message: e.message ?? 'Bad request',
    };
  }
  if (isDatabaseUnavailable(error)) {
    return databaseUnavailable(retryAfterSeconds);
  }
  return {
    status: 500,
    name: 'Error',
    message: 'Internal server error; the backend log has the details',
  };
}

export function databaseUnavailable(retryAfterSeconds: number) {
  return {
    status: 503,
    name: 'ServiceUnavailableError',
    message: `The Case Studies database is not reachable; try again in ${retryAfterSeconds} seconds`,
  };
}

/** Sends a Backstage error body, with Retry-After on a 503. */
export function sendError(
  req: express.Request,
  res: express.Response,
  described: { status: number; name: string; message: string },
  retryAfterSeconds: number,
) {
  if (described.status === 503) {
    res.setHeader('Retry-After', String(retryAfterSeconds));
  }
  const body: ErrorResponseBody = {
    error: { name: described.name, message: described.message },
    request: { method: req.method, url: req.originalUrl ?? req.url },
    response: { statusCode: described.status },
  };
  res.status(described.status).json(body);
}

/** The router's last error handler. */
export function errorHandler(options: {
  logger: LoggerService;
  retryAfterSeconds: number;
}): express.ErrorRequestHandler {
  const { logger, retryAfterSeconds } = options;
  return (error, req, res, _next) => {
    if (res.headersSent) {
      // an answer went out already (a 503 on a deadline); the late failure is only logged
      logger.warn(
        `${req.method} ${req.originalUrl} failed after its response was sent: ${error}`,
      );
      return;
    }
    const described = describeError(error, retryAfterSeconds);
    if (described.status >= 500) {
      logger.error(`${req.method} ${req.originalUrl} failed`, error);
    }
    sendError(req, res, described, retryAfterSeconds);
  };
}
