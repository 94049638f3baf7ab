import { Router, type RequestHandler } from 'express';
import { requireRole } from '../../core/auth/auth.middleware.js';
import { validate } from '../../core/validation.js';
import { createDashboardController } from './dashboard.controller.js';
import type { DashboardService } from './dashboard.service.js';

/** `/api/dashboard`: the signed-in person's figures. */
export function createDashboardRouter(deps: {
  dashboard: DashboardService;
  authenticated: RequestHandler;
}): Router {
  const controller = createDashboardController(deps.dashboard);
  const router = Router();
  router.get(
    '/coach',
    deps.authenticated,
    requireRole('coach'),
    validate(),
    controller.coachOverview,
  );
  return router;
}
