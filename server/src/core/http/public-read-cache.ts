import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';

/**
 * Browsers (and shared caches) may keep a public answer but must ask again before each use: a
 * coach's edit has to show on the very next request, and with the ETag asking again costs a 304.
 * A max-age, even a short one, would show the old profile after an edit for that long.
 */
export const PUBLIC_READ_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Enough for every directory page and profile of a large demo, a few MB of JSON at most. */
const MAX_ENTRIES = 2000;
const MAX_BYTES = 16 * 1024 * 1024;

interface Entry {
  body: string;
  etag: string;
}

export interface PublicReadCacheOptions {
  /** How long an answer may be served again without a change dropping it; 0 turns caching off. */
  ttlMs: number;
}

type End = (...args: unknown[]) => unknown;

export interface PublicReadCache {
  /**
   * For GET routes whose answer to an anonymous caller depends on nothing but the URL: sends a
   * kept answer, or keeps the one the route sends. Signed-in callers (who may see more, e.g. their
   * own unverified profile) pass through untouched. Every anonymous answer gets the ETag and
   * `Cache-Control` above; a signed-in one keeps the `no-store` set before.
   */
  serve: RequestHandler;
  /**
   * Drops every kept answer (a change anywhere may show in any page of the directory), here and,
   * once `shareClears` was called, in every other process.
   */
  clear(): void;
  /** Drops the answers kept in this process only (a clear announced by another process). */
  clearHere(): void;
  /** Announces each `clear()` to the other processes too (server.ts, with REDIS_URL). */
  shareClears(announce: () => void): void;
  /**
   * Also runs `listener` at every clear, here or announced by another process: caches of reads
   * that the same changes make stale (the read cache, `read-cache.ts`) are dropped with this one.
   */
  onClear(listener: () => void): void;
  /**
   * Drops every kept answer when a write request in this process succeeds, as its answer ends
   * (before the client can ask again, and before `awaitPrincipalInvalidations` holds the answer
   * for Redis, so that the announcement to other processes is waited for too).
   */
  clearAfterWrites: RequestHandler;
}

/** The weak ETag Express gives a body (etag package): length and SHA-1, so 304s match either way. */
function weakEtag(body: string): string {
  const hash = createHash('sha1').update(body, 'utf8').digest('base64').slice(0, 27);
  return `W/"${Buffer.byteLength(body, 'utf8').toString(16)}-${hash}"`;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createPublicReadCache(options: PublicReadCacheOptions): PublicReadCache {
  const cache =
    options.ttlMs > 0
      ? new LRUCache<string, Entry>({
          max: MAX_ENTRIES,
          maxSize: MAX_BYTES,
          sizeCalculation: (entry) => entry.body.length + 100,
          ttl: options.ttlMs,
        })
      : null;
  // Bumped by every drop: an answer read from the database before a change is never kept after it.
  let generation = 0;

  let announce = () => {};
  const listeners: (() => void)[] = [];

  const clearHere = () => {
    generation += 1;
    cache?.clear();
    for (const listener of listeners) listener();
  };
  const clear = () => {
    clearHere();
    announce();
  };

  const serve: RequestHandler = (req, res, next) => {
    if (req.get('authorization') !== undefined) {
      next();
      return;
    }
    if (res.get('Cache-Control') === undefined) res.set('Cache-Control', PUBLIC_READ_CACHE_CONTROL);
    if (!cache) {
      next();
      return;
    }
    const key = req.originalUrl;
    const kept = cache.get(key);
    if (kept) {
      // Express answers 304 itself when If-None-Match names this ETag.
      res.set('ETag', kept.etag).type('json').send(kept.body);
      return;
    }
    const readIn = generation;
    const sendJson = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode !== 200 || readIn !== generation) return sendJson(body);
      const entry = { body: JSON.stringify(body), etag: '' };
      entry.etag = weakEtag(entry.body);
      cache.set(key, entry);
      return res.set('ETag', entry.etag).type('json').send(entry.body);
    };
    next();
  };

  const clearAfterWrites: RequestHandler = (req, res, next) => {
    if (!READS.has(req.method)) {
      // Every answer ends through `end`; its status is final by then.
      const end = res.end.bind(res) as End;
      const wrapped: End = (...args) => {
        if (res.statusCode < 400) clear();
        return end(...args);
      };
      (res as unknown as { end: End }).end = wrapped;
    }
    next();
  };

  return {
    serve,
    clear,
    clearHere,
    shareClears(announceElsewhere) {
      announce = announceElsewhere;
    },
    onClear(listener) {
      listeners.push(listener);
    },
    clearAfterWrites,
  };
}
