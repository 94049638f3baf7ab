import { REPORT_LIMITS } from '@coachhub/shared/report';
import { Router, type RequestHandler } from 'express';
import type { RateLimits } from '../../core/http/rate-limit.js';
import { validate } from '../../core/validation.js';
import { createReportsController } from './reports.controller.js';
import type { ReportsService } from './reports.service.js';
import { createReportBody } from './reports.validation.js';

/** `/api/reports`: anyone signed in reports what they can see; a few per hour at most. */
export function createReportsRouter(deps: {
  reports: ReportsService;
  authenticated: RequestHandler;
  rateLimits: RateLimits;
}): Router {
  const controller = createReportsController(deps.reports);
  const router = Router();
  router.post(
    '/',
    deps.authenticated,
    // Counted per reporter, after sign-in, so one account cannot flood the queue.
    deps.rateLimits.http({
      name: 'reports',
      limit: REPORT_LIMITS.perWindow,
      windowSeconds: REPORT_LIMITS.windowSeconds,
      key: (req) => req.principal?.userId,
    }),
    validate(createReportBody()),
    controller.create,
  );
  return router;
}
