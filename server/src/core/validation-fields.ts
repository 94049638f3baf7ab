import { PASSWORD_MAX_LENGTH } from '@coachhub/shared/auth';
import { SUPPORTED_LOCALES } from '@coachhub/shared/locales';
import { body, param, type ValidationChain } from 'express-validator';
import { isInstant, parseInstant } from '../domain/instant.js';
import { isIanaTimeZone } from '../domain/time-zone.js';
import { queryValue } from './validation.js';

/*
 * Field chains and predicates that several modules use. Predicates go through `.custom()`:
 * express-validator's standard validators (isIn, isMongoId, ...) check an array item by item, so
 * `["EUR"]` or `[]` would pass where one value is meant.
 */

export const isWholeNumber = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export const isOneOf = (allowed: readonly unknown[]) => (value: unknown) => allowed.includes(value);

export const isBoolean = (value: unknown) => typeof value === 'boolean';

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** An id in a body: one 24-digit hex string, lowercased like the ids the API hands out. */
export const idField = (field: string, message = 'Must be an id') =>
  body(field)
    .custom((value) => typeof value === 'string' && OBJECT_ID.test(value))
    .withMessage(message)
    .bail()
    .toLowerCase();

/** `:userId` in a URL: every person, coaches included, is named by their user id. */
export const userIdParam = () => param('userId').isMongoId().withMessage('Must be a user id');

/** `isString` first, so objects such as `{ "$ne": null }` never pass as text. */
export const trimmedText = (
  chain: ValidationChain,
  min: number,
  max: number,
  message = min > 0 ? `Must be ${min} to ${max} characters` : `At most ${max} characters`,
) =>
  chain
    .isString()
    .withMessage('Must be a string')
    .bail()
    .trim()
    .isLength({ min, max })
    .withMessage(message);

const INSTANT_MESSAGE = 'Must be an ISO 8601 instant with a zone, e.g. 2026-03-30T07:00:00Z';

/** An instant with its zone, handed on as a Date. */
const asInstant = (chain: ValidationChain) =>
  chain.custom(isInstant).withMessage(INSTANT_MESSAGE).bail().customSanitizer(parseInstant);

export const instantField = (field: string) => asInstant(body(field));

export const instantQuery = (field: string, options: { required?: boolean } = {}) =>
  asInstant(queryValue(field, options));

export const emailField = (field = 'email') =>
  body(field)
    .isString()
    .withMessage('Must be a string')
    .bail()
    .trim()
    .toLowerCase()
    .isLength({ max: 254 })
    .withMessage('Too long')
    .bail()
    .isEmail()
    .withMessage('Must be an email address');

/** Length bounds only; the strength rules run in the service (they need the email too). */
export const passwordField = (field: string, minLength = 1) =>
  body(field)
    .isString()
    .withMessage('Must be a string')
    .bail()
    .isLength({ min: minLength, max: PASSWORD_MAX_LENGTH })
    .withMessage(`Must be ${minLength} to ${PASSWORD_MAX_LENGTH} characters`);

export const nameField = (field: string) => trimmedText(body(field), 1, 100);

export const localeField = () =>
  body('locale')
    .custom(isOneOf(SUPPORTED_LOCALES))
    .withMessage(`Must be one of ${SUPPORTED_LOCALES.join(', ')}`);

export const timeZoneField = (field = 'timeZone') =>
  body(field)
    .isString()
    .withMessage('Must be a string')
    .bail()
    .trim()
    .custom(isIanaTimeZone)
    .withMessage('Must be an IANA time zone such as Europe/Berlin');

/** Why an admin suspends, reinstates, approves or rejects. */
export const reasonField = () =>
  trimmedText(body('reason'), 1, 1000, 'Give a reason (1 to 1000 characters)');
