import {
  BOOKING_LIMITS,
  BOOKING_LIST_ORDERS,
  IDEMPOTENCY_KEY_HEADER,
} from '@coachhub/shared/booking';
import { BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import { body, checkExact, header, param } from 'express-validator';
import { paginationQuery } from '../../../core/pagination.js';
import { queryValue } from '../../../core/validation.js';
import { parseInstant } from '../../../domain/instant.js';

const INSTANT_MESSAGE = 'Must be an ISO 8601 instant with a zone, e.g. 2026-03-30T07:00:00Z';
// Visible ASCII only: keys come from clients' UUIDs or similar and are never shown.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

export const bookingIdParam = () => param('id').isMongoId().withMessage('Must be a booking id');

/** A zoned ISO instant, handed to the controller as a Date. */
const startField = () =>
  body('start')
    .custom((value) => parseInstant(value) !== null)
    .withMessage(INSTANT_MESSAGE)
    .bail()
    .customSanitizer((value) => parseInstant(value));

/** `POST /api/bookings` (+ optional `Idempotency-Key` header). */
export const createBookingRules = () => [
  checkExact(
    [
      body('coachId').isMongoId().withMessage('Must be a coach user id'),
      body('sessionTypeId').isMongoId().withMessage('Must be a session type id'),
      startField(),
      body('notes')
        .optional({ values: 'null' })
        .isString()
        .withMessage('Must be a string')
        .bail()
        .trim()
        .isLength({ max: BOOKING_LIMITS.notesMax })
        .withMessage(`At most ${BOOKING_LIMITS.notesMax} characters`),
    ],
    { locations: ['body'], message: 'Unknown field' },
  ),
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
  checkExact(
    [
      body('reason')
        .optional({ values: 'null' })
        .isString()
        .withMessage('Must be a string')
        .bail()
        .trim()
        .isLength({ max: BOOKING_LIMITS.reasonMax })
        .withMessage(`At most ${BOOKING_LIMITS.reasonMax} characters`),
    ],
    { locations: ['body'], message: 'Unknown field' },
  );

/** `POST /api/bookings/:id/reschedule` `{ start }` */
export const rescheduleBody = () =>
  checkExact([startField()], {
    locations: ['body'],
    message: 'Unknown field',
  });

const instantQuery = (field: string) =>
  queryValue(field)
    .custom((value) => parseInstant(value) !== null)
    .withMessage(INSTANT_MESSAGE)
    .bail()
    .customSanitizer((value) => parseInstant(value));

/** `GET /api/bookings?role=&status=&from=&to=&order=&page=&limit=` */
export const listBookingsQuery = () =>
  checkExact(
    [
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
      ...paginationQuery().map((chain) =>
        chain.custom((value) => typeof value === 'number').withMessage('Must be given once'),
      ),
    ],
    { locations: ['query'], message: 'Unknown query parameter' },
  );
