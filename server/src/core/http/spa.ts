import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const NOT_SPA_PATHS = /^\/(api|socket\.io)(\/|$)/;

/**
 * Serves the built client and answers non-API GETs with index.html so client-side routes
 * survive a reload. Returns null when the client is not built (API-only runs and tests).
 */
export function createSpaRouter(clientDistDir: string): Router | null {
  const indexFile = path.join(clientDistDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const router = Router();
  router.use(
    express.static(clientDistDir, {
      index: false,
      setHeaders(res, file) {
        // Vite fingerprints everything under assets/, so those never change under one name.
        if (file.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
      },
    }),
  );
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_SPA_PATHS.test(req.path)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
