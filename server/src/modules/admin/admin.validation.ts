import { ADMIN_USER_SORTS, AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '@coachhub/shared/admin';
import {
  REPORT_ACTIONS,
  REPORT_LIMITS,
  REPORT_STATUSES,
  REPORT_TARGET_TYPES,
} from '@coachhub/shared/report';
import { ROLES, USER_STATUSES } from '@coachhub/shared/roles';
import { BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import { body, param } from 'express-validator';
import { paginationQuery } from '../../core/pagination.js';
import { instantQuery, isOneOf, reasonField, trimmedText } from '../../core/validation-fields.js';
import { queryValue } from '../../core/validation.js';
import { parseInstant } from '../../domain/instant.js';

const oneOf = (field: string, allowed: readonly string[]) =>
  queryValue(field)
    .custom(isOneOf(allowed))
    .withMessage(`Must be one of ${allowed.join(', ')}`);

const idQuery = (field: string, message: string) =>
  queryValue(field).isMongoId().withMessage(message).bail().toLowerCase();

/** Search text: at most 200 characters, matched literally. */
const searchQuery = () =>
  queryValue('q').trim().isLength({ max: 200 }).withMessage('At most 200 characters');

const idParam = (message: string) => param('id').isMongoId().withMessage(message);

/** `POST /api/admin/users/:id/suspend | reinstate | warn` `{ reason }` */
export const moderationBody = () => [idParam('Must be a user id'), reasonField()];

/** `GET /api/admin/users?q=&role=&status=&sort=&page=&limit=` */
export const userListQuery = () => [
  searchQuery(),
  oneOf('role', ROLES),
  oneOf('status', USER_STATUSES),
  oneOf('sort', ADMIN_USER_SORTS),
  ...paginationQuery(),
];

/** `GET /api/admin/reports?status=&targetType=&page=&limit=` */
export const reportListQuery = () => [
  oneOf('status', REPORT_STATUSES),
  oneOf('targetType', REPORT_TARGET_TYPES),
  ...paginationQuery(),
];

export const reportIdParam = () => idParam('Must be a report id');

/** `POST /api/admin/reports/:id/resolve` `{ action, note }` */
export const resolveReportBody = () => [
  reportIdParam(),
  body('action')
    .custom(isOneOf(REPORT_ACTIONS))
    .withMessage(`Must be one of ${REPORT_ACTIONS.join(', ')}`),
  trimmedText(
    body('note'),
    1,
    REPORT_LIMITS.noteMax,
    `Write a note (1 to ${REPORT_LIMITS.noteMax} characters)`,
  ),
];

/** `POST /api/admin/reviews/:id/hide | restore` `{ reason }` */
export const reviewModerationBody = () => [idParam('Must be a review id'), reasonField()];

/** `GET /api/admin/reviews?hidden=&coachId=&page=&limit=` */
export const reviewListQuery = () => [
  // Kept as text: a sanitised `false` would read as absent to `validated()`.
  queryValue('hidden').isIn(['true', 'false']).withMessage('Must be true or false'),
  idQuery('coachId', 'Must be a user id'),
  ...paginationQuery(),
];

/** `GET /api/admin/bookings?id=&clientId=&coachId=&q=&status=&page=&limit=` */
export const bookingLookupQuery = () => [
  idQuery('id', 'Must be a booking id'),
  idQuery('clientId', 'Must be a user id'),
  idQuery('coachId', 'Must be a user id'),
  searchQuery(),
  oneOf('status', BOOKING_STATUSES),
  ...paginationQuery(),
];

/** `GET /api/admin/audit-log?action=&actorId=&targetType=&targetId=&from=&to=&page=&limit=` */
export const auditLogQuery = () => [
  oneOf('action', AUDIT_ACTIONS),
  idQuery('actorId', 'Must be a user id'),
  oneOf('targetType', AUDIT_TARGET_TYPES),
  queryValue('targetId').trim().isLength({ min: 1, max: 100 }).withMessage('1 to 100 characters'),
  instantQuery('from'),
  instantQuery('to')
    .custom((to: Date, { req }) => {
      const from = parseInstant(req.query?.from);
      return from === null || to.getTime() > from.getTime();
    })
    .withMessage('Must be after from'),
  ...paginationQuery(),
];
