import type { ValidationIssue } from '@coachhub/shared/errors';
import type { Request, RequestHandler } from 'express';
import { AppError } from './errors.js';

/*
 * Checks on the shape of a request that come before any field rule (see `validate()`): what no
 * route accepts, whatever its fields. Each is the sender's fault and answers 4xx.
 */

/** Deeper than any body the API takes (pricing, the deepest, nests three levels). */
export const MAX_INPUT_DEPTH = 16;

type Location = ValidationIssue['location'];

// With the `u` flag a surrogate pair is one code point, so this finds only lone surrogates.
const LONE_SURROGATE = /\p{Cs}/u;
const ILL_FORMED = 'Must be well-formed Unicode text (no lone surrogates)';

/**
 * Values nested deeper than MAX_INPUT_DEPTH, and strings or keys that are not well-formed UTF-16
 * (a lone surrogate cannot be stored or printed as UTF-8). Walked without recursion, so a body of
 * any depth is refused instead of overflowing the stack.
 */
export function malformedInput(value: unknown, location: Location): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const pending: [unknown, string, number][] = [[value, '', 0]];
  while (pending.length > 0 && issues.length < 20) {
    const [current, path, depth] = pending.pop() as [unknown, string, number];
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) issues.push({ field: path, location, message: ILL_FORMED });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return [{ field: path, location, message: `Nested deeper than ${MAX_INPUT_DEPTH} levels` }];
    }
    for (const [key, nested] of Object.entries(current)) {
      const keyPath = Array.isArray(current) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (LONE_SURROGATE.test(key)) issues.push({ field: keyPath, location, message: ILL_FORMED });
      pending.push([nested, keyPath, depth + 1]);
    }
  }
  return issues;
}

/**
 * Parameters of the raw query string whose percent-encoding does not decode (`%zz`, a truncated or
 * invalid UTF-8 sequence). The query parser would quietly turn them into U+FFFD instead.
 */
export function malformedQueryEncoding(url: string): ValidationIssue[] {
  const start = url.indexOf('?');
  if (start === -1) return [];
  return url
    .slice(start + 1)
    .split('&')
    .filter((part) => {
      try {
        decodeURIComponent(part.replaceAll('+', ' '));
        return false;
      } catch {
        return true;
      }
    })
    .map((part) => ({
      field: part.split('=')[0]?.slice(0, 100) ?? '',
      location: 'query' as const,
      message: 'Malformed percent-encoding',
    }));
}

// Middleware that reads a multipart body itself, later in the route (image uploads).
const MULTIPART_READERS = new WeakSet<RequestHandler>();

/** Marks `handler` as the reader of a multipart body, so `validate()` before it lets one through. */
export function readsMultipart(handler: RequestHandler): RequestHandler {
  MULTIPART_READERS.add(handler);
  return handler;
}

const hasContent = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;

/** The route's own handlers (router 2 keeps them as layers with `handle` on `req.route.stack`). */
const routeHandlers = (req: Request): unknown[] =>
  ((req.route as { stack?: { handle?: unknown }[] } | undefined)?.stack ?? []).map(
    (layer) => layer.handle,
  );

/**
 * A body that nothing read: a Content-Type the API does not parse (only JSON is), or multipart
 * sent to a route that takes none. It is refused with 415 rather than silently ignored.
 */
export function unreadBody(req: Request): AppError | null {
  if (req.body !== undefined || !hasContent(req)) return null;
  const multipartRoute = routeHandlers(req).some(
    (handler) => typeof handler === 'function' && MULTIPART_READERS.has(handler as RequestHandler),
  );
  if (multipartRoute && req.is('multipart/form-data')) return null;
  return new AppError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    multipartRoute
      ? 'Send the body as application/json or multipart/form-data'
      : 'Send the body as application/json',
  );
}
