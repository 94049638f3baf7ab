import { MAX_SLOT_RANGE_DAYS } from '@coachhub/shared/scheduling';
import { checkExact } from 'express-validator';
import { queryValue } from '../../../core/validation.js';
import { parseInstant } from '../../../domain/instant.js';
import { isIanaTimeZone } from '../../../domain/time-zone.js';

const DAY_MS = 24 * 3_600_000;
const INSTANT_MESSAGE = 'Must be an ISO 8601 instant with a zone, e.g. 2026-03-30T07:00:00Z';

const instant = (field: string) =>
  queryValue(field, { required: true })
    .custom((value) => parseInstant(value) !== null)
    .withMessage(INSTANT_MESSAGE)
    .bail()
    .customSanitizer((value) => parseInstant(value));

/** `GET /api/coaches/:userId/slots?sessionTypeId=&from=&to=&timeZone=` */
export const slotsQuery = () =>
  checkExact(
    [
      queryValue('sessionTypeId', { required: true })
        .isMongoId()
        .withMessage('Must be a session type id'),
      instant('from'),
      instant('to')
        .custom((to: Date, { req }) => {
          const from = parseInstant(req.query?.from);
          return from === null || to.getTime() > from.getTime();
        })
        .withMessage('Must be after from')
        .bail()
        .custom((to: Date, { req }) => {
          const from = parseInstant(req.query?.from);
          return from === null || to.getTime() - from.getTime() <= MAX_SLOT_RANGE_DAYS * DAY_MS;
        })
        .withMessage(`At most ${MAX_SLOT_RANGE_DAYS} days after from`),
      queryValue('timeZone')
        .custom((value: string) => isIanaTimeZone(value))
        .withMessage('Must be an IANA time zone such as Europe/Berlin'),
    ],
    { locations: ['query'], message: 'Unknown query parameter' },
  );
