import { Router, type RequestHandler } from 'express';
import { body, param } from 'express-validator';
import { requireRole } from '../../core/auth/auth.middleware.js';
import { paginationQuery } from '../../core/pagination.js';
import { validate } from '../../core/validation.js';
import { createCoachVerificationRouter } from '../coaches/coach-verification.routes.js';
import type { CoachVerificationService } from '../coaches/coach-verification.service.js';
import { createAdminController } from './admin.controller.js';
import type { AdminService } from './admin.service.js';

const moderationRules = () =>
  validate(
    param('id').isMongoId().withMessage('Must be a user id'),
    body('reason')
      .isString()
      .withMessage('Must be a string')
      .bail()
      .trim()
      .isLength({ min: 1, max: 1000 })
      .withMessage('Give a reason (1 to 1000 characters)'),
  );

export function createAdminRouter(deps: {
  admin: AdminService;
  coachVerification: CoachVerificationService;
  authenticated: RequestHandler;
}): Router {
  const controller = createAdminController(deps.admin);
  const router = Router();
  router.use(deps.authenticated, requireRole('admin'));

  router.post('/users/:id/suspend', moderationRules(), controller.suspendUser);
  router.post('/users/:id/reinstate', moderationRules(), controller.reinstateUser);
  router.get('/audit-log', validate(...paginationQuery()), controller.auditLog);
  router.use('/coaches', createCoachVerificationRouter(deps.coachVerification));
  return router;
}
