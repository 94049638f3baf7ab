import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * The server's last moments before it stops. While draining, every response asks its client to
 * close the connection after it (`Connection: close`), including the responses to requests that
 * arrived before the drain began, so no keep-alive connection is left idle for the shutdown to
 * cut while its client sends on it; and `/ready` answers 503.
 */
export interface Drain {
  readonly draining: boolean;
  start(): void;
  /** First in the chain: marks responses sent while draining. */
  middleware: RequestHandler;
}

const closeAfter = (res: ServerResponse) => {
  if (!res.headersSent) res.setHeader('Connection', 'close');
};

export function createDrain(): Drain {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  return {
    get draining() {
      return draining;
    },
    start() {
      draining = true;
      inFlight.forEach(closeAfter);
    },
    middleware(_req, res, next) {
      if (draining) {
        closeAfter(res);
      } else {
        inFlight.add(res);
        res.once('close', () => inFlight.delete(res));
      }
      next();
    },
  };
}
