import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import type { DashboardService } from './dashboard.service.js';

export function createDashboardController(dashboard: DashboardService) {
  const coachOverview: RequestHandler = async (req, res) => {
    res.json(await dashboard.coachOverview(principalOf(req)));
  };

  return { coachOverview };
}
