import express from 'express';
import { DatabaseHealth } from '../service/DatabaseHealth';
import { databaseUnavailable, sendError } from './errors';

/**
 * Bounds how long a request can hang on a database that stopped answering.
 * A request still running after `waitMs` makes the database be probed (see
 * DatabaseHealth); if the probe fails the client gets a 503 with
 * Retry-After at once, and the handler's late answer is dropped. If the
 * database answers, the request is merely slow (a large roll-up) and is
 * left alone, probed again after another `waitMs`. So a frozen database
 * costs a client at most `waitMs` plus the probe's timeout.
 *
 * A write answered 503 this way may still commit when the database comes
 * back: like any timeout, 503 means "not known to be done". Checklist
 * writes carry a version, so a retry of one that did commit gets a 409
 * showing it, never a duplicate.
 */
export function databaseDeadline(options: {
  health: DatabaseHealth;
  waitMs: number;
  retryAfterSeconds: number;
}): express.RequestHandler {
  const { health, waitMs, retryAfterSeconds } = options;
  return (req, res, next) => {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(async () => {
        const probe = await health.probe();
        if (res.headersSent || res.writableEnded) return;
        if (probe.status === 'ok') {
          arm();
          return;
        }
        sendError(
          req,
          res,
          databaseUnavailable(retryAfterSeconds),
          retryAfterSeconds,
        );
      }, waitMs);
      timer.unref?.();
    };
    const disarm = () => clearTimeout(timer);
    res.on('finish', disarm);
    res.on('close', disarm);
    arm();
    next();
  };
}
