import { MAX_SLOT_RANGE_DAYS } from '@coachhub/shared/scheduling';
import { queryValue } from '../../../core/validation.js';
import { instantQuery } from '../../../core/validation-fields.js';
import { parseInstant } from '../../../domain/instant.js';
import { isIanaTimeZone } from '../../../domain/time-zone.js';

const DAY_MS = 24 * 3_600_000;

/** `GET /api/coaches/:userId/slots?sessionTypeId=&from=&to=&timeZone=` */
export const slotsQuery = () => [
  queryValue('sessionTypeId', { required: true })
    .isMongoId()
    .withMessage('Must be a session type id'),
  instantQuery('from', { required: true }),
  instantQuery('to', { required: true })
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
];
