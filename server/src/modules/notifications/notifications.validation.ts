import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import { body, param } from 'express-validator';
import { paginationQuery } from '../../core/pagination.js';
import { nestedBody, queryValue } from '../../core/validation.js';

/** `GET /api/notifications?unread=true&page=&limit=` */
export const listNotificationsQuery = () => [
  queryValue('unread')
    .isIn(['true', 'false'])
    .withMessage('Must be true or false')
    .customSanitizer((value) => value === 'true'),
  ...paginationQuery(),
];

export const notificationIdParam = () =>
  param('id').isMongoId().withMessage('Must be a notification id');

/**
 * `PUT /api/users/me/notification-preferences` `{ email: { "<type>": boolean } }`. Type names
 * hold dots, so their paths use brackets; an unknown type is an unknown field.
 */
export const preferencesBody = () =>
  nestedBody(
    NOTIFICATION_TYPES.map((type) =>
      body(`email["${type}"]`)
        .optional()
        .isBoolean({ strict: true })
        .withMessage('Must be true or false'),
    ),
    [body('email').isObject().withMessage('Must be an object of notification types')],
  );
