import { SESSION_MODES, SESSION_TYPE_LIMITS } from '@coachhub/shared/booking';
import { body, param } from 'express-validator';
import { isBoolean, isOneOf, isWholeNumber, trimmedText } from '../../../core/validation-fields.js';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug.js';

const L = SESSION_TYPE_LIMITS;

export const sessionTypeIdParam = () =>
  param('id').isMongoId().withMessage('Must be a session type id');

const fields = {
  title: () => trimmedText(body('title'), 1, L.titleMax),
  slug: () =>
    body('slug')
      .isString()
      .withMessage('Must be a string')
      .bail()
      .trim()
      .custom((value: string) => value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value))
      .withMessage(
        `Must be lowercase letters and digits in dash-separated words, at most ${SLUG_MAX_LENGTH} characters`,
      ),
  durationMinutes: () =>
    body('durationMinutes')
      .custom(isWholeNumber(L.minDurationMinutes, L.maxDurationMinutes))
      .withMessage(
        `Must be a whole number of minutes from ${L.minDurationMinutes} to ${L.maxDurationMinutes}`,
      ),
  description: () => trimmedText(body('description'), 0, L.descriptionMax),
  mode: () =>
    body('mode')
      .custom(isOneOf(SESSION_MODES))
      .withMessage(`Must be one of ${SESSION_MODES.join(', ')}`),
  active: () => body('active').custom(isBoolean).withMessage('Must be true or false'),
};

/** `POST /api/session-types` */
export const createSessionTypeBody = () => [
  fields.title(),
  fields.slug().optional(),
  fields.durationMinutes(),
  fields.description().optional(),
  fields.mode(),
  fields.active().optional(),
];

/** `PATCH /api/session-types/:id`: any of the fields (an empty body changes nothing). */
export const updateSessionTypeBody = () => Object.values(fields).map((field) => field().optional());
