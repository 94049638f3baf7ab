import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors.js';

export interface LimiterOptions {
  /** Requests allowed per key per window; 0 switches the limiter off. */
  limit: number;
  windowSeconds: number;
  /** Defaults to the client IP (IPv6 grouped by subnet, as express-rate-limit does). */
  key?: (req: Request) => string | undefined;
  /** Count only refused attempts (e.g. wrong passwords), not successful ones. */
  countFailuresOnly?: boolean;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

/**
 * One limiter with its own in-memory counter (per process: several replicas each count
 * separately). Over the limit: 429 RATE_LIMITED with `Retry-After` in seconds.
 */
export function createLimiter(options: LimiterOptions): RequestHandler {
  if (options.limit <= 0) return passThrough;
  const { key } = options;
  return rateLimit({
    windowMs: options.windowSeconds * 1000,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: options.countFailuresOnly ?? false,
    ...(key
      ? {
          keyGenerator: (req: Request) => key(req) ?? '',
          skip: (req: Request) => key(req) === undefined,
        }
      : {}),
    handler: (_req, res, next) => {
      const retryAfter = res.getHeader('Retry-After');
      next(
        new AppError(429, 'RATE_LIMITED', 'Too many attempts; please wait and try again', {
          retryAfterSeconds: Number(retryAfter ?? options.windowSeconds),
        }),
      );
    },
  });
}
