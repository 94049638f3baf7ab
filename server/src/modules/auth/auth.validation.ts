import { PASSWORD_MAX_LENGTH } from '@coachhub/shared/auth';
import { SUPPORTED_LOCALES } from '@coachhub/shared/locales';
import { body } from 'express-validator';
import { isIanaTimeZone } from '../../domain/time-zone.js';

/** Shared field rules; `isString` first so objects such as `{ "$ne": null }` never pass as values. */
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

export const nameField = (field: string) =>
  body(field)
    .isString()
    .withMessage('Must be a string')
    .bail()
    .trim()
    .isLength({ min: 1, max: 100 })
    .withMessage('Must be 1 to 100 characters');

export const localeField = () =>
  body('locale')
    .isIn(SUPPORTED_LOCALES)
    .withMessage(`Must be one of ${SUPPORTED_LOCALES.join(', ')}`);

export const timeZoneField = (field = 'timeZone') =>
  body(field)
    .isString()
    .withMessage('Must be a string')
    .bail()
    .trim()
    .custom(isIanaTimeZone)
    .withMessage('Must be an IANA time zone such as Europe/Berlin');
