import { Router, type RequestHandler } from 'express';
import { requireRole } from '../../core/auth/auth.middleware.js';
import { validate } from '../../core/validation.js';
import { createCoachVerificationRouter } from '../coaches/coach-verification.routes.js';
import type { CoachVerificationService } from '../coaches/coach-verification.service.js';
import type { AdminReports } from './admin-reports.js';
import { createAdminController } from './admin.controller.js';
import type { AdminService } from './admin.service.js';
import {
  auditLogQuery,
  bookingLookupQuery,
  moderationBody,
  reportIdParam,
  reportListQuery,
  resolveReportBody,
  reviewListQuery,
  reviewModerationBody,
  userListQuery,
} from './admin.validation.js';
import type { ReviewModeration } from './review-moderation.js';

/** `/api/admin`: admins only (401 without a token, 403 for anyone else). */
export function createAdminRouter(deps: {
  admin: AdminService;
  reports: AdminReports;
  reviews: ReviewModeration;
  coachVerification: CoachVerificationService;
  authenticated: RequestHandler;
}): Router {
  const controller = createAdminController(deps);
  const router = Router();
  router.use(deps.authenticated, requireRole('admin'));

  router.get('/stats', validate(), controller.stats);
  router.get('/users', validate(userListQuery()), controller.listUsers);
  router.post('/users/:id/suspend', validate(moderationBody()), controller.suspendUser);
  router.post('/users/:id/reinstate', validate(moderationBody()), controller.reinstateUser);
  router.post('/users/:id/warn', validate(moderationBody()), controller.warnUser);
  router.get('/reports', validate(reportListQuery()), controller.listReports);
  router.get('/reports/:id', validate(reportIdParam()), controller.getReport);
  router.post('/reports/:id/resolve', validate(resolveReportBody()), controller.resolveReport);
  router.get('/reviews', validate(reviewListQuery()), controller.listReviews);
  router.post('/reviews/:id/hide', validate(reviewModerationBody()), controller.hideReview);
  router.post('/reviews/:id/restore', validate(reviewModerationBody()), controller.restoreReview);
  router.get('/bookings', validate(bookingLookupQuery()), controller.lookupBookings);
  router.get('/audit-log', validate(auditLogQuery()), controller.auditLog);
  router.use('/coaches', createCoachVerificationRouter(deps.coachVerification));
  return router;
}
