import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import { param } from 'express-validator';
import { AppError } from '../errors.js';
import { validate } from '../validation.js';
import { openApiDocument } from './openapi-document.js';

/** Swagger UI's standalone bundle, served from node_modules: no CDN, works offline. */
const swaggerUiDir = path.dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);

/** The page's own start-up code; a file rather than an inline script, so CSP keeps `script-src 'self'`. */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#docs',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/* Relative URLs: the page lives at /api/docs, so `docs/x` is /api/docs/x and `openapi.json` is /api/openapi.json. */
const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>CoachHub API</title>
    <link rel="stylesheet" href="docs/swagger-ui.css" />
  </head>
  <body>
    <div id="docs"></div>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/init.js"></script>
  </body>
</html>
`;

const ASSETS = new Map<string, { file?: string; text?: string; type: string }>([
  ['swagger-ui.css', { file: 'swagger-ui.css', type: 'text/css' }],
  ['swagger-ui-bundle.js', { file: 'swagger-ui-bundle.js', type: 'text/javascript' }],
  ['init.js', { text: INIT_SCRIPT, type: 'text/javascript' }],
]);

/**
 * `GET /api/openapi.json` (the contract) and `GET /api/docs` (rendered by Swagger UI). helmet's
 * default CSP (app.ts) already allows what the viewer needs (scripts and styles from 'self',
 * inline styles, `data:` images, fetching the document from 'self'; checked in Chromium without a
 * CSP report), so nothing is relaxed here.
 */
export function createOpenApiRouter(): Router {
  const router = Router();
  router.get('/openapi.json', validate(), (_req, res) => {
    res.json(openApiDocument());
  });
  router.get('/docs', validate(), (_req, res) => {
    res.type('html').send(DOCS_PAGE);
  });
  router.get('/docs/:asset', validate(param('asset').isString()), (req, res) => {
    const asset = ASSETS.get(String(req.params.asset));
    if (!asset) throw new AppError(404, 'ROUTE_NOT_FOUND', `No route for GET ${req.originalUrl}`);
    res.type(asset.type);
    if (asset.text !== undefined) res.send(asset.text);
    else res.sendFile(path.join(swaggerUiDir, asset.file ?? ''));
  });
  return router;
}
