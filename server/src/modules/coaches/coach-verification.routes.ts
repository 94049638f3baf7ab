import { Router } from 'express';
import { paginationQuery } from '../../core/pagination.js';
import { validate } from '../../core/validation.js';
import { reasonField, userIdParam } from '../../core/validation-fields.js';
import { createCoachVerificationController } from './coach-verification.controller.js';
import type { CoachVerificationService } from './coach-verification.service.js';

/** `/api/admin/coaches`: mounted by the admin router, behind its admin-only guard. */
export function createCoachVerificationRouter(verification: CoachVerificationService): Router {
  const controller = createCoachVerificationController(verification);
  const router = Router();
  router.get('/pending', validate(paginationQuery()), controller.listPending);
  router.post(
    '/:userId/approve',
    validate(userIdParam(), reasonField().optional()),
    controller.approve,
  );
  router.post('/:userId/reject', validate(userIdParam(), reasonField()), controller.reject);
  return router;
}
