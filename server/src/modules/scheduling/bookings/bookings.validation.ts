import {
  BOOKING_LIMITS,
  BOOKING_LIST_ORDERS,
  IDEMPOTENCY_KEY_HEADER,
} from '@coachhub/shared/booking';
import { BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import { body, header, param } from 'express-validator';
import { paginationQuery } from '../../../core/pagination.js';
import { queryValue } from '../../../core/validation.js';
import {
  idField,
  instantField,
  instantQuery,
  isBoolean,
  trimmedText,
} from '../../../core/validation-fields.js';
import { parseInstant } from '../../../domain/instant.js';

// Visible ASCII only: keys come from clients' UUIDs or similar and are never shown.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

export const bookingIdParam = () => param('id').isMongoId().withMessage('Must be a booking id');

/** `POST /api/bookings` (+ optional `Idempotency-Key` header); `start` becomes a Date. */
export const createBookingRules = () => [
  idField('coachId', 'Must be a coach user id'),
  idField('sessionTypeId', 'Must be a session type id'),
  instantField('start'),
  trimmedText(body('notes'), 0, BOOKING_LIMITS.notesMax).optional({ values: 'null' }),
  body('useCredit').optional().custom(isBoolean).withMessage('Must be true or false'),
  header(IDEMPOTENCY_KEY_HEADER)
    .optional()
    .isString()
    .bail()
    .isLength({ min: 1, max: BOOKING_LIMITS.idempotencyKeyMax })
    .withMessage(`Must be 1 to ${BOOKING_LIMITS.idempotencyKeyMax} characters`)
    .bail()
    .matches(IDEMPOTENCY_KEY)
    .withMessage('Must be visible ASCII characters (e.g. a UUID)'),
];

/** confirm, decline, cancel, complete, no-show: `{ reason? }`. */
export const transitionBody = () =>
  trimmedText(body('reason'), 0, BOOKING_LIMITS.reasonMax).optional({ values: 'null' });

/** `POST /api/bookings/:id/reschedule` `{ start }`; `start` becomes a Date. */
export const rescheduleBody = () => instantField('start');

/** `GET /api/bookings?role=&status=&from=&to=&order=&page=&limit=` */
export const listBookingsQuery = () => [
  queryValue('role').isIn(['client', 'coach']).withMessage('Must be client or coach'),
  queryValue('status')
    .isIn(BOOKING_STATUSES)
    .withMessage(`Must be one of ${BOOKING_STATUSES.join(', ')}`),
  instantQuery('from'),
  instantQuery('to')
    .custom((to: Date, { req }) => {
      const from = parseInstant(req.query?.from);
      return from === null || to.getTime() > from.getTime();
    })
    .withMessage('Must be after from'),
  queryValue('order')
    .isIn(BOOKING_LIST_ORDERS)
    .withMessage(`Must be one of ${BOOKING_LIST_ORDERS.join(', ')}`),
  ...paginationQuery(),
];
