import type { ValidationIssue } from '@coachhub/shared/errors';
import type { Request, RequestHandler } from 'express';
import {
  checkExact,
  matchedData,
  query,
  validationResult,
  type ContextRunner,
  type Meta,
  type ValidationChain,
  type ValidationError,
} from 'express-validator';
import { AppError } from './errors.js';
import { malformedInput, malformedQueryEncoding, unreadBody } from './request-shape.js';
// express-validator's per-check data lookup without lodash, for every chain run below.
import './validation-data.js';

const INSPECTED_LOCATIONS = ['body', 'query', 'params'] as const;

/**
 * Paths of every key that starts with `$` (a MongoDB operator such as `$ne` or `$where`),
 * at any depth. Such a request is refused whole, whatever the field rules say.
 */
export function findOperatorKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findOperatorKeys(item, `${path}[${index}]`));
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, nested]) => {
    const keyPath = path === '' ? key : `${path}.${key}`;
    return key.startsWith('$') ? [keyPath] : findOperatorKeys(nested, keyPath);
  });
}

function toIssues(error: ValidationError): ValidationIssue[] {
  switch (error.type) {
    case 'field':
      // A rule about a whole location (`body()`) has the empty path: name the location.
      return [
        {
          field: error.path || error.location,
          location: error.location,
          message: String(error.msg),
        },
      ];
    case 'unknown_fields':
      return error.fields.map((field) => ({
        field: field.path,
        location: field.location,
        message: 'Unknown field',
      }));
    case 'alternative':
      return error.nestedErrors.flatMap(toIssues);
    case 'alternative_grouped':
      return error.nestedErrors.flat().flatMap(toIssues);
  }
}

/** One issue per field (the first message is the useful one), in request order. */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.location}:${issue.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A copy of `value` with every null (at any depth) left out of objects and turned to undefined in lists. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item) => (item === null ? undefined : withoutNulls(item)));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, nested]) => nested !== null)
      .map(([key, nested]) => [key, withoutNulls(nested)]),
  );
}

/**
 * checkExact for one location, with no chains of its own (it weighs the fields of every chain run
 * on the request before it). express-validator 7.3 calls Object.keys() on a null that stands where
 * a chain names a field inside it (`{ "weekly": null }` against `weekly.*.start`) and throws, so
 * it looks at the body with its nulls left out; the field chains, run before, saw them.
 */
function refuseUnknown(location: (typeof INSPECTED_LOCATIONS)[number]): ContextRunner {
  const exact = checkExact([], { locations: [location] });
  return {
    async run(req, options) {
      const request = req as Request;
      const original: unknown = request.body;
      if (location !== 'body' || typeof original !== 'object' || original === null) {
        return exact.run(req, options);
      }
      request.body = withoutNulls(original);
      try {
        return await exact.run(req, options);
      } finally {
        request.body = original;
      }
    },
  };
}

// One check per location: checkExact looks only at locations that some chain covers, so a route
// with a param rule alone would otherwise let any body or query through.
const REFUSE_UNKNOWN = INSPECTED_LOCATIONS.map(refuseUnknown);

// Introspection for tools that exercise every route with its own fields (the bad-input test).
const RULES_OF_HANDLER = new WeakMap<RequestHandler, readonly ContextRunner[]>();

/**
 * Runs the express-validator chains in order, then refuses every body, query or param key that no
 * chain names, and answers 400 `VALIDATION_FAILED` listing the fields, so controllers only ever
 * see clean values (read them with `validated(req)`). A route without input still calls
 * `validate()`. A chain on a whole object or list makes every key under it known: see `nestedBody`.
 */
export function validate(...rules: (ContextRunner | readonly ContextRunner[])[]): RequestHandler {
  const chains = [...rules.flat(), ...REFUSE_UNKNOWN];
  const handler: RequestHandler = async (req, _res, next) => {
    const unread = unreadBody(req);
    if (unread) throw unread;
    // Shapes no rule could accept (too deep, lone surrogates, bad %-encoding) never reach them.
    const malformed = [
      ...INSPECTED_LOCATIONS.flatMap((location) => malformedInput(req[location], location)),
      ...malformedQueryEncoding(req.originalUrl),
    ];
    if (malformed.length > 0) {
      throw new AppError(400, 'VALIDATION_FAILED', 'The request is not valid', malformed);
    }
    for (const chain of chains) await chain.run(req);
    const operatorIssues = INSPECTED_LOCATIONS.flatMap((location) =>
      findOperatorKeys(req[location]).map((field): ValidationIssue => ({
        field,
        location,
        message: 'Keys starting with $ are not allowed',
      })),
    );
    const issues = dedupe([...validationResult(req).array().flatMap(toIssues), ...operatorIssues]);
    if (issues.length > 0) {
      throw new AppError(400, 'VALIDATION_FAILED', 'The request is not valid', issues);
    }
    next();
  };
  RULES_OF_HANDLER.set(handler, rules.flat());
  return handler;
}

/**
 * The chains a `validate()` handler runs; undefined for any other handler. Run one with `{ dryRun: true }` to read the fields and locations it covers.
 */
export const validationRulesOf = (handler: unknown): readonly ContextRunner[] | undefined =>
  typeof handler === 'function' ? RULES_OF_HANDLER.get(handler as RequestHandler) : undefined;

/**
 * The same rules for a payload that did not come through HTTP (a socket event): the chains run on
 * it as a request body, unknown keys and `$` keys are refused, and the accepted values come back
 * (or the issues, to answer with `VALIDATION_FAILED`).
 */
export async function validatePayload<T extends object>(
  payload: unknown,
  ...rules: (ContextRunner | readonly ContextRunner[])[]
): Promise<{ ok: true; values: T } | { ok: false; issues: ValidationIssue[] }> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, issues: [{ field: '', location: 'body', message: 'Must be an object' }] };
  }
  const malformed = malformedInput(payload, 'body');
  if (malformed.length > 0) return { ok: false, issues: malformed };
  // express-validator reads and writes only the locations its chains name.
  const req = { body: structuredClone(payload) } as Request;
  for (const chain of [...rules.flat(), refuseUnknown('body')]) {
    await chain.run(req);
  }
  const issues = dedupe([
    ...validationResult(req).array().flatMap(toIssues),
    ...findOperatorKeys(req.body).map((field): ValidationIssue => ({
      field,
      location: 'body',
      message: 'Keys starting with $ are not allowed',
    })),
  ]);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values: validated<T>(req) };
}

/**
 * Rules for a body with nested objects and lists. Unknown keys are looked for among `fields`
 * (one chain per leaf, wildcards such as `weekly.*.start` allowed) before `wholes` run: a chain on
 * a list, an item or the whole body makes every key under it known to checkExact.
 */
export const nestedBody = (fields: ValidationChain[], wholes: ContextRunner[]): ContextRunner[] => {
  return [...fields, refuseUnknown('body'), ...wholes];
};

/** What express-validator keeps on a request for each chain run on it (`lib/base` names the key). */
interface RunContext {
  errors: readonly ValidationError[];
  getData(options: { requiredOnly: boolean }): { location: string; path: string; value: unknown }[];
}
const CONTEXTS_KEY = 'express-validator#contexts';
// One key, not a path into an object or list, and one lodash's `set` would also write.
const PLAIN_KEY = /^[^.[\]]+$/;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `matchedData(req, { includeOptionals: false })` for requests whose matched fields are all plain
 * keys (every query and most bodies): the same values, without lodash's chain (a few hundred
 * objects per call). A nested path goes to the library. `validation.test.ts` holds the two equal.
 */
function matchedPlainData(req: Request): Record<string, unknown> {
  const contexts = (req as unknown as Record<string, RunContext[] | undefined>)[CONTEXTS_KEY] ?? [];
  const values: Record<string, unknown> = {};
  for (const context of contexts) {
    for (const { location, path, value } of context.getData({ requiredOnly: true })) {
      const failed = context.errors.some(
        (error) => error.type === 'field' && error.location === location && error.path === path,
      );
      if (failed) continue;
      if (path !== '' && !PLAIN_KEY.test(path)) {
        return matchedData<Record<string, unknown>>(req, { includeOptionals: false });
      }
      if (!UNSAFE_KEYS.has(path)) values[path] = value;
    }
  }
  return values;
}

/**
 * The values the validation chains accepted (sanitised, unknown fields refused).
 * T is the caller's statement of what its chains guarantee; the chains are the runtime check.
 */
export function validated<T extends object>(req: Request): T {
  // A rule about a whole location (`body()`) is matched at the empty path: not a value.
  const { '': _whole, ...values } = matchedPlainData(req);
  return values as T;
}

const isObjectLike = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The object or list that holds the value being checked (the item for `discounts[2].percent`). */
export function holderOf({ req, location, path }: Meta): unknown {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  return keys
    .slice(0, -1)
    .reduce<unknown>(
      (holder, key) => (isObjectLike(holder) ? holder[key] : undefined),
      req[location],
    );
}

/**
 * The value beside the one being checked (`start` for `weekly[2].end`), for rules that compare
 * the fields of one object.
 */
export function siblingOf(meta: Meta, key: string): unknown {
  const holder = holderOf(meta);
  return isObjectLike(holder) ? holder[key] : undefined;
}

/**
 * One query value, given at most once: a repeated parameter (`?a=1&a=2`) or a bracketed one
 * (`?a[$gt]=`) arrives as an array or object and is refused. Empty means absent, which is
 * fine unless `required`.
 */
export function queryValue(field: string, options: { required?: boolean } = {}) {
  const chain = options.required
    ? query(field).exists({ values: 'falsy' }).withMessage('Required').bail()
    : query(field).optional({ values: 'falsy' });
  return chain
    .custom((value) => typeof value === 'string')
    .withMessage('Must be given once, as a plain value')
    .bail();
}
