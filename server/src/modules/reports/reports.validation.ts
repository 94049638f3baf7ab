import { REPORT_LIMITS, REPORT_REASONS, REPORT_TARGET_TYPES } from '@coachhub/shared/report';
import { body } from 'express-validator';
import { idField, isOneOf, trimmedText } from '../../core/validation-fields.js';

/** `POST /api/reports` `{ targetType, targetId, reason, details? }` */
export const createReportBody = () => [
  body('targetType')
    .custom(isOneOf(REPORT_TARGET_TYPES))
    .withMessage(`Must be one of ${REPORT_TARGET_TYPES.join(', ')}`),
  idField('targetId', 'Must be the id of a user, message or review'),
  body('reason')
    .custom(isOneOf(REPORT_REASONS))
    .withMessage(`Must be one of ${REPORT_REASONS.join(', ')}`),
  trimmedText(body('details'), 0, REPORT_LIMITS.detailsMax).optional(),
];
