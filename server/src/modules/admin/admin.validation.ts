import { param } from 'express-validator';
import { reasonField } from '../../core/validation-fields.js';

/** `POST /api/admin/users/:id/suspend | reinstate` `{ reason }` */
export const moderationBody = () => [
  param('id').isMongoId().withMessage('Must be a user id'),
  reasonField(),
];
