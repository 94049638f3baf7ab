import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { currentRequestId } from '../request-context.js';

/** One line per finished request; the id is captured now because `finish` fires outside the request's context. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = currentRequestId();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.http(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms`, {
        requestId,
      });
    });
    next();
  };
}
