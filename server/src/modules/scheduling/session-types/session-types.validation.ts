import { SESSION_MODES, SESSION_TYPE_LIMITS } from '@coachhub/shared/booking';
import { body, checkExact, param } from 'express-validator';
import { isWholeNumber } from '../../coaches/coach.validation.js';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug.js';

const L = SESSION_TYPE_LIMITS;

export const sessionTypeIdParam = () =>
  param('id').isMongoId().withMessage('Must be a session type id');

const fields = {
  title: () =>
    body('title')
      .isString()
      .withMessage('Must be a string')
      .bail()
      .trim()
      .isLength({ min: 1, max: L.titleMax })
      .withMessage(`Must be 1 to ${L.titleMax} characters`),
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
  description: () =>
    body('description')
      .isString()
      .withMessage('Must be a string')
      .bail()
      .trim()
      .isLength({ max: L.descriptionMax })
      .withMessage(`At most ${L.descriptionMax} characters`),
  mode: () =>
    body('mode')
      .isIn(SESSION_MODES)
      .withMessage(`Must be one of ${SESSION_MODES.join(', ')}`),
  active: () =>
    body('active')
      .custom((value) => typeof value === 'boolean')
      .withMessage('Must be true or false'),
};

/** `POST /api/session-types` */
export const createSessionTypeBody = () =>
  checkExact(
    [
      fields.title(),
      fields.slug().optional(),
      fields.durationMinutes(),
      fields.description().optional(),
      fields.mode(),
      fields.active().optional(),
    ],
    { locations: ['body'], message: 'Unknown field' },
  );

/** `PATCH /api/session-types/:id`: any of the fields (an empty body changes nothing). */
export const updateSessionTypeBody = () =>
  checkExact(
    [
      fields.title().optional(),
      fields.slug().optional(),
      fields.durationMinutes().optional(),
      fields.description().optional(),
      fields.mode().optional(),
      fields.active().optional(),
    ],
    { locations: ['body'], message: 'Unknown field' },
  );
