import type { Request, RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { AppError } from '../errors.js';

export interface LimiterOptions {
  /** Unique per limiter: names its counters (in Redis, their key prefix). */
  name: string;
  /** Requests allowed per key per window; 0 switches the limiter off. */
  limit: number;
  windowSeconds: number;
  /** Defaults to the client IP (IPv6 grouped by subnet, as express-rate-limit does). */
  key?: (req: Request) => string | undefined;
  /** Count only refused attempts (e.g. wrong passwords), not successful ones. */
  countFailuresOnly?: boolean;
}

/** Events a key may have per window, for what is not an HTTP request (socket messages). */
export interface CounterOptions {
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Where rate-limit counters live: in this process, or in Redis when `REDIS_URL` is set, so that
 * several server processes behind one address count together (a client cannot multiply its
 * allowance by landing on each of them).
 */
export interface RateLimits {
  /** A middleware: over the limit, 429 RATE_LIMITED with `Retry-After` in seconds. */
  http(options: LimiterOptions): RequestHandler;
  counter(options: CounterOptions): RateCounter;
}

/** Takes one point for `key`: allowed, or refused with the time until it would be. */
export type RateCounter = (
  key: string,
) => Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;

/** What the Redis backend needs of a node-redis client. */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

function httpLimiter(options: LimiterOptions, store: Store | undefined): RequestHandler {
  if (options.limit <= 0) return passThrough;
  const { key } = options;
  return rateLimit({
    windowMs: options.windowSeconds * 1000,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: options.countFailuresOnly ?? false,
    ...(store ? { store } : {}),
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

function counterOf(limiter: RateLimiterAbstract): RateCounter {
  return async (key) => {
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (refused) {
      if (refused instanceof RateLimiterRes) {
        return { ok: false, retryAfterMs: refused.msBeforeNext };
      }
      throw refused;
    }
  };
}

/** Counters in this process only (one process, or development). */
export function memoryRateLimits(): RateLimits {
  return {
    http: (options) => httpLimiter(options, undefined),
    counter: ({ points, durationSeconds }) =>
      counterOf(new RateLimiterMemory({ points, duration: durationSeconds })),
  };
}

/** Counters in Redis, shared by every process on it. */
export function redisRateLimits(client: RedisCommands & object): RateLimits {
  return {
    http: (options) =>
      httpLimiter(
        options,
        new RedisStore({
          prefix: `coachhub:rl:${options.name}:`,
          sendCommand: (...args: string[]) => client.sendCommand(args) as Promise<RedisReply>,
        }),
      ),
    counter: ({ name, points, durationSeconds }) =>
      counterOf(
        new RateLimiterRedis({
          storeClient: client,
          useRedisPackage: true,
          keyPrefix: `coachhub:rl:${name}`,
          points,
          duration: durationSeconds,
        }),
      ),
  };
}
