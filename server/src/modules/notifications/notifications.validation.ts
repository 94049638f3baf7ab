import { param } from 'express-validator';
import { paginationQuery } from '../../core/pagination.js';
import { queryValue } from '../../core/validation.js';

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
