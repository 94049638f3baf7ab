import { Router } from 'express';
import type { Drain } from './drain.js';

/**
 * `/health`: the process is up. `/ready`: it can serve, i.e. the database answers a ping and the
 * process is not shutting down.
 */
export function createHealthRouter(
  database: { ping(): Promise<void> },
  drain?: Pick<Drain, 'draining'>,
): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    if (drain?.draining) {
      res.status(503).json({ status: 'draining', database: 'up' });
      return;
    }
    try {
      await database.ping();
      res.json({ status: 'ready', database: 'up' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  return router;
}
