import { Router, type RequestHandler } from 'express';
import { requireRole } from '../../core/auth/auth.middleware.js';
import { paginationQuery } from '../../core/pagination.js';
import { validate } from '../../core/validation.js';
import { createCoachVerificationRouter } from '../coaches/coach-verification.routes.js';
import type { CoachVerificationService } from '../coaches/coach-verification.service.js';
import { createAdminController } from './admin.controller.js';
import type { AdminService } from './admin.service.js';
import { moderationBody } from './admin.validation.js';

export function createAdminRouter(deps: {
  admin: AdminService;
  coachVerification: CoachVerificationService;
  authenticated: RequestHandler;
}): Router {
  const controller = createAdminController(deps.admin);
  const router = Router();
  router.use(deps.authenticated, requireRole('admin'));

  router.post('/users/:id/suspend', validate(moderationBody()), controller.suspendUser);
  router.post('/users/:id/reinstate', validate(moderationBody()), controller.reinstateUser);
  router.get('/audit-log', validate(paginationQuery()), controller.auditLog);
  router.use('/coaches', createCoachVerificationRouter(deps.coachVerification));
  return router;
}
