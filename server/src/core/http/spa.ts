import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';

const NOT_SPA_PATHS = /^\/(api|socket\.io)(\/|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page names every current asset: a browser must ask again each time (a 304 is cheap). */
const REVALIDATE = 'no-cache';
/** The encodings the client build writes next to a file (client/vite-precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Vite fingerprints everything under assets/, so those never change under one name. */
function cacheControlFor(relativePath: string): string | null {
  if (relativePath.startsWith('assets/')) return IMMUTABLE;
  if (relativePath.endsWith('.html')) return REVALIDATE;
  return null;
}

/** Each built file (posix path relative to dist) and the encoded copies it has. */
function encodedVariants(clientDistDir: string): Map<string, Set<string>> {
  const files = new Set(
    readdirSync(clientDistDir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path
          .relative(clientDistDir, path.join(entry.parentPath, entry.name))
          .split(path.sep)
          .join('/'),
      ),
  );
  const variants = new Map<string, Set<string>>();
  for (const file of files) {
    const encodings = ENCODINGS.filter(({ suffix }) => files.has(file + suffix)).map(
      ({ name }) => name,
    );
    if (encodings.length > 0) variants.set(file, new Set(encodings));
  }
  return variants;
}

/**
 * Sends a built file in the best encoding the browser accepts (br, then gzip, else as is), with
 * its own type, `Vary: Accept-Encoding` and its cache policy. False when it has no encoded copy.
 */
function createEncodedSender(clientDistDir: string) {
  const variants = encodedVariants(clientDistDir);
  return (req: Request, res: Response, relativePath: string, next: (error?: unknown) => void) => {
    const available = variants.get(relativePath);
    if (!available) return false;
    res.vary('Accept-Encoding');
    // Our order, not the header's: every browser that takes br lists it after gzip, unweighted.
    const encoding = ENCODINGS.find(
      ({ name }) => available.has(name) && req.acceptsEncodings(name) === name,
    );
    // A policy set before (the shell for a signed-in browser, page-render.ts) is kept.
    const cacheControl = res.get('Cache-Control') ?? cacheControlFor(relativePath);
    const headers: Record<string, string> = {};
    if (cacheControl) headers['Cache-Control'] = cacheControl;
    if (encoding) headers['Content-Encoding'] = encoding.name;
    // The encoded copy's own extension (.br, .gz) must not decide the type.
    res.type(path.extname(relativePath));
    res.sendFile(
      encoding ? relativePath + encoding.suffix : relativePath,
      { root: clientDistDir, headers, cacheControl: cacheControl === null, dotfiles: 'deny' },
      (error) => {
        if (error) next(error);
      },
    );
    return true;
  };
}

/** The request path as a file of dist, or null when it cannot be one. */
function builtFileOf(req: Request): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    return null;
  }
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  return relative === '' || relative.startsWith('..') ? null : relative;
}

/**
 * Serves the built client and answers non-API GETs with index.html so client-side routes
 * survive a reload. Text files go out precompressed when the browser accepts it. Returns null
 * when the client is not built (API-only runs and tests).
 */
export function createSpaRouter(
  clientDistDir: string,
  /** Answers the pages the server renders (page-render.ts) before the shell is sent. */
  pageRender?: RequestHandler | null,
): Router | null {
  const indexFile = path.join(clientDistDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const sendEncoded = createEncodedSender(clientDistDir);
  const router = Router();
  const precompressed: RequestHandler = (req, res, next) => {
    const file = builtFileOf(req);
    if (file === null || !sendEncoded(req, res, file, next)) next();
  };
  router.use(precompressed);
  router.use(
    express.static(clientDistDir, {
      index: false,
      setHeaders(res, file) {
        const policy = cacheControlFor(
          path.relative(clientDistDir, file).split(path.sep).join('/'),
        );
        if (policy) res.setHeader('Cache-Control', policy);
      },
    }),
  );
  const isAppPage = (req: Request) =>
    (req.method === 'GET' || req.method === 'HEAD') && !NOT_SPA_PATHS.test(req.path);
  if (pageRender) {
    router.use((req, res, next) => {
      if (isAppPage(req)) void pageRender(req, res, next);
      else next();
    });
  }
  router.use((req, res, next) => {
    if (!isAppPage(req)) {
      next();
      return;
    }
    if (sendEncoded(req, res, 'index.html', next)) return;
    if (res.get('Cache-Control') === undefined) res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(indexFile);
  });
  return router;
}
