import type { CreateReportRequest } from '@coachhub/shared/report';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import type { ReportsService } from './reports.service.js';

export function createReportsController(reports: ReportsService) {
  const create: RequestHandler = async (req, res) => {
    const input = validated<CreateReportRequest>(req);
    res.status(201).json(await reports.create(principalOf(req), input));
  };

  return { create };
}
