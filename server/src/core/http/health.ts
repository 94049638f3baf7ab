import { Router } from 'express';

/** `/health`: the process is up. `/ready`: it can serve, i.e. the database answers a ping. */
export function createHealthRouter(database: { ping(): Promise<void> }): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    try {
      await database.ping();
      res.json({ status: 'ready', database: 'up' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  return router;
}
