import type { ModerationRequest } from '@coachhub/shared/auth';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { pageOf } from '../../core/pagination.js';
import { validated } from '../../core/validation.js';
import { listAuditLog } from '../audit/audit.service.js';
import type { AdminService } from './admin.service.js';

export function createAdminController(admin: AdminService) {
  const moderationInput = (req: Parameters<RequestHandler>[0]) => {
    const { id, reason } = validated<ModerationRequest & { id: string }>(req);
    return { actorId: principalOf(req).userId, targetId: id, reason };
  };

  const suspendUser: RequestHandler = async (req, res) => {
    res.json(await admin.suspend(moderationInput(req)));
  };

  const reinstateUser: RequestHandler = async (req, res) => {
    res.json(await admin.reinstate(moderationInput(req)));
  };

  const auditLog: RequestHandler = async (req, res) => {
    const { page, limit } = pageOf(req);
    res.json(await listAuditLog(page, limit));
  };

  return { suspendUser, reinstateUser, auditLog };
}
