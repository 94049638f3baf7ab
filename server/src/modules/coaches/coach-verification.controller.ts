import type { ApproveCoachRequest, RejectCoachRequest } from '@coachhub/shared/coach';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { pageOf } from '../../core/pagination.js';
import { validated } from '../../core/validation.js';
import type { CoachVerificationService } from './coach-verification.service.js';

export function createCoachVerificationController(verification: CoachVerificationService) {
  const listPending: RequestHandler = async (req, res) => {
    const { page, limit } = pageOf(req);
    res.json(await verification.listPending(page, limit));
  };

  const approve: RequestHandler = async (req, res) => {
    const { userId, reason } = validated<ApproveCoachRequest & { userId: string }>(req);
    const actorId = principalOf(req).userId;
    res.json(
      await verification.approve({ actorId, coachId: userId, ...(reason ? { reason } : {}) }),
    );
  };

  const reject: RequestHandler = async (req, res) => {
    const { userId, reason } = validated<RejectCoachRequest & { userId: string }>(req);
    res.json(
      await verification.reject({ actorId: principalOf(req).userId, coachId: userId, reason }),
    );
  };

  return { listPending, approve, reject };
}
