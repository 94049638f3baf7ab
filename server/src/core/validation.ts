import type { ValidationIssue } from '@coachhub/shared/errors';
import type { Request, RequestHandler } from 'express';
import {
  matchedData,
  query,
  validationResult,
  type ContextRunner,
  type ValidationError,
} from 'express-validator';
import { AppError } from './errors.js';

type InspectedLocation = 'body' | 'query' | 'params';

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
      return [{ field: error.path, location: error.location, message: String(error.msg) }];
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

/**
 * Runs the express-validator chains and answers 400 `VALIDATION_FAILED` listing the fields,
 * so controllers only ever see clean values (read them with `validated(req)`).
 */
export function validate(...chains: ContextRunner[]): RequestHandler {
  return async (req, _res, next) => {
    for (const chain of chains) await chain.run(req);
    const operatorIssues = (['body', 'query', 'params'] as const).flatMap(
      (location: InspectedLocation) =>
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
}

/**
 * The values the validation chains accepted (sanitised, unknown fields dropped).
 * T is the caller's statement of what its chains guarantee; the chains are the runtime check.
 */
export function validated<T extends object>(req: Request): T {
  return matchedData<T>(req, { includeOptionals: false });
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
