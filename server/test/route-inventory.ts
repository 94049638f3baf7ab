import type { Express } from 'express';
import type { Location } from 'express-validator';
import { validationRulesOf } from '../src/core/validation.js';

/** One route as the Express router holds it, with the inputs its `validate()` names. */
export interface RouteEntry {
  method: string;
  /** The full pattern, e.g. `/api/bookings/:id/ics`. */
  path: string;
  /** `:name` parameters in the path, in order. */
  params: string[];
  /** Fields the route's validation chains cover, by location (`weekly.*.start`, `email["x"]`). */
  fields: { location: Location; path: string }[];
  /** Whether a `validate()` handler reads the route's input (not so for /health or static files). */
  validated: boolean;
}

/**
 * The parts of router 2 (Express 5) read here. It is internal API, so it is stated structurally:
 * a layer holds a route (`route.path`, `route.methods`, `route.stack`) or a mounted handler
 * (`rawPath`, and `handle.stack` when that handler is a router).
 */
interface RouterLayer {
  rawPath?: unknown;
  handle?: { stack?: RouterLayer[] };
  route?: { path: string | string[]; methods: Record<string, boolean>; stack: RouterLayer[] };
}

const joinPath = (prefix: string, path: string) =>
  `${prefix}${path === '/' ? '' : path}`.replace(/\/{2,}/g, '/') || '/';

async function fieldsOf(handlers: RouterLayer[]): Promise<RouteEntry['fields']> {
  const fields: RouteEntry['fields'] = [];
  const probe = { body: {}, query: {}, params: {}, headers: {}, cookies: {} };
  for (const layer of handlers) {
    for (const rule of validationRulesOf(layer.handle) ?? []) {
      // A dry run on an empty request only builds the chain's context: which fields, where.
      const { context } = await rule.run(structuredClone(probe), { dryRun: true });
      for (const location of context.locations) {
        for (const path of context.fields) fields.push({ location, path });
      }
    }
  }
  return fields;
}

/**
 * Every route of the app (method + full path), read from the router at runtime so that a new
 * route is covered without a list to keep up to date. Middleware mounted at a path that is not a
 * router (static files) is listed as `GET <mount>/*` with the path `<mount>/x`.
 */
export async function listRoutes(app: Express): Promise<RouteEntry[]> {
  // `router` is Express 5's public property; its layers are router internals (see RouterLayer).
  const root = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
  const routes: RouteEntry[] = [];
  const walk = async (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          const full = joinPath(prefix, path);
          const fields = await fieldsOf(layer.route.stack);
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (!on || method === '_all') continue;
            routes.push({
              method: method.toUpperCase(),
              path: full,
              params: [...full.matchAll(/[:*](\w+)/g)].map((match) => match[1] ?? ''),
              fields,
              validated: layer.route.stack.some((handler) => !!validationRulesOf(handler.handle)),
            });
          }
        }
        continue;
      }
      const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
      if (layer.handle?.stack) await walk(layer.handle.stack, joinPath(prefix, mount));
      else if (mount !== '/') {
        routes.push({
          method: 'GET',
          path: joinPath(prefix, `${mount}/x`),
          params: [],
          fields: [],
          validated: false,
        });
      }
    }
  };
  await walk(root, '');
  // One entry per method + path: routers mounted twice at one prefix list theirs once each.
  const seen = new Set<string>();
  return routes.filter((route) => {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
