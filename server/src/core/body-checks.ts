import type { ValidationIssue } from '@coachhub/shared/errors';
import type { RequestHandler, Response } from 'express';
import { AppError } from './errors.js';

/**
 * Checks for nested JSON bodies (availability, price configurations) where express-validator's
 * wildcard chains get unwieldy: a parser walks the body once, collects every issue with its
 * path (`discounts[2].percent`), and returns a clean value built from known fields only.
 */
export class BodyIssues {
  readonly list: ValidationIssue[] = [];

  add(field: string, message: string): undefined {
    this.list.push({ field, location: 'body', message });
    return undefined;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

export type BodyParser<T> = (body: unknown, issues: BodyIssues) => T | undefined;

const PARSED_BODY = 'parsedBody';

/**
 * Runs `parse` on the JSON body: any issue answers 400 `VALIDATION_FAILED` listing them, else the
 * clean value is kept for the controller (`parsedBody(res)`). Use after `validate(...)`, which
 * already refuses `$` keys anywhere in the request.
 */
export function checkBody<T>(parse: BodyParser<T>): RequestHandler {
  return (req, res, next) => {
    const issues = new BodyIssues();
    const value = parse(req.body as unknown, issues);
    if (!issues.empty || value === undefined) {
      throw new AppError(400, 'VALIDATION_FAILED', 'The request is not valid', issues.list);
    }
    res.locals[PARSED_BODY] = value;
    next();
  };
}

/** The value `checkBody(parse)` produced; T is what that parser returns. */
export function parsedBody<T>(res: Response): T {
  if (!(PARSED_BODY in res.locals))
    throw new Error('parsedBody() used on a route without checkBody');
  return res.locals[PARSED_BODY] as T;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with only these keys (each unknown key is an issue), or undefined. */
export function objectAt(
  value: unknown,
  path: string,
  keys: readonly string[],
  issues: BodyIssues,
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return issues.add(path || 'body', 'Must be an object');
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) issues.add(path ? `${path}.${key}` : key, 'Unknown field');
  }
  return value;
}

export function listAt(
  value: unknown,
  path: string,
  max: number,
  issues: BodyIssues,
): unknown[] | undefined {
  if (!Array.isArray(value)) return issues.add(path, 'Must be a list');
  if (value.length > max) return issues.add(path, `At most ${max} entries`);
  return value;
}

export function wholeNumberAt(
  value: unknown,
  path: string,
  min: number,
  max: number,
  issues: BodyIssues,
): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
    return value;
  }
  return issues.add(path, `Must be a whole number from ${min} to ${max}`);
}

export function booleanAt(value: unknown, path: string, issues: BodyIssues): boolean | undefined {
  return typeof value === 'boolean' ? value : issues.add(path, 'Must be true or false');
}

/** A trimmed string of `min`..`max` characters. */
export function textAt(
  value: unknown,
  path: string,
  min: number,
  max: number,
  issues: BodyIssues,
): string | undefined {
  if (typeof value !== 'string') return issues.add(path, 'Must be a string');
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    return issues.add(path, `Must be ${min} to ${max} characters`);
  }
  return trimmed;
}

export function oneOfAt<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  issues: BodyIssues,
): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  return issues.add(path, `Must be one of ${allowed.join(', ')}`);
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;

export function objectIdAt(value: unknown, path: string, issues: BodyIssues): string | undefined {
  return typeof value === 'string' && OBJECT_ID.test(value)
    ? value.toLowerCase()
    : issues.add(path, 'Must be an id');
}
