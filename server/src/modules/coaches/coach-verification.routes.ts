import { Router } from 'express';
import { body, checkExact } from 'express-validator';
import { paginationQuery } from '../../core/pagination.js';
import { validate } from '../../core/validation.js';
import { createCoachVerificationController } from './coach-verification.controller.js';
import type { CoachVerificationService } from './coach-verification.service.js';
import { userIdParam } from './coach.validation.js';

const reason = () =>
  body('reason')
    .isString()
    .withMessage('Must be a string')
    .bail()
    .trim()
    .isLength({ min: 1, max: 1000 })
    .withMessage('Give a reason (1 to 1000 characters)');

/** `/api/admin/coaches`: mounted by the admin router, behind its admin-only guard. */
export function createCoachVerificationRouter(verification: CoachVerificationService): Router {
  const controller = createCoachVerificationController(verification);
  const router = Router();
  router.get('/pending', validate(...paginationQuery()), controller.listPending);
  router.post(
    '/:userId/approve',
    validate(userIdParam(), checkExact([reason().optional()], { locations: ['body'] })),
    controller.approve,
  );
  router.post(
    '/:userId/reject',
    validate(userIdParam(), checkExact([reason()], { locations: ['body'] })),
    controller.reject,
  );
  return router;
}
