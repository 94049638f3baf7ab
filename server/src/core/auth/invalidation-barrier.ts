import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler, Response } from 'express';

/** Never hold an answer longer than this for Redis; the cache's TTL covers what is still missing. */
const MAX_HOLD_MS = 2_000;

const held = new AsyncLocalStorage<Promise<unknown>[]>();

/**
 * Called where another process is told to drop a principal (Redis): the answer to the request
 * that made the change waits for it, so its caller's next request, wherever it lands, already
 * finds the other processes told.
 */
export function holdResponseUntil(delivered: Promise<unknown>): void {
  held.getStore()?.push(delivered);
}

function deferEnd(res: Response, pending: Promise<unknown>[]) {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  // `end`'s overloads cannot be restated; the wrapper passes its arguments through unchanged.
  res.end = ((...args: unknown[]) => {
    // The domain events of this request are delivered in microtasks: let them run first.
    setImmediate(() => {
      if (pending.length === 0) {
        end(...args);
        return;
      }
      const timeout = new Promise((resolve) => setTimeout(resolve, MAX_HOLD_MS).unref());
      void Promise.race([Promise.allSettled(pending), timeout]).then(() => end(...args));
    });
    return res;
  }) as Response['end'];
}

/**
 * Requests that may change an account or a session (anything but GET, HEAD and OPTIONS) answer
 * only once the other processes were told to drop what they remember of it. Reads pass untouched.
 */
export function awaitPrincipalInvalidations(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      next();
      return;
    }
    const pending: Promise<unknown>[] = [];
    deferEnd(res, pending);
    held.run(pending, next);
  };
}
