import type { CoachDTO } from '@coachhub/shared/coach';
import type { Page } from '@coachhub/shared/pagination';
import mongoose from 'mongoose';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CoachPresenter } from './coach-presenter.js';
import { Coach, type CoachRecord } from './coach.model.js';

export interface VerificationDecision {
  actorId: string;
  /** The coach's user id. */
  coachId: string;
  /** Shown to the coach for a rejection; always written to the audit log. */
  reason: string;
}

const PENDING = { 'verification.status': 'pending', userStatus: 'active' } as const;
const DEFAULT_APPROVAL_REASON = 'Profile approved';

/** The admin verification queue: approve puts a coach in the directory, reject keeps them out. */
export function createCoachVerification(deps: { presenter: CoachPresenter; events: EventBus }) {
  /**
   * Status change and audit entry commit together; `coach.verification_changed` follows the
   * commit (the coach hears of it live through its subscriber).
   */
  async function decide(
    decision: VerificationDecision,
    to: 'approved' | 'rejected',
  ): Promise<CoachDTO> {
    const coach = await mongoose.connection.transaction(async (session) => {
      const updated = await Coach.findOneAndUpdate(
        { user: decision.coachId, 'verification.status': { $ne: to } },
        {
          $set: {
            'verification.status': to,
            'verification.reason': to === 'rejected' ? decision.reason : null,
            'verification.reviewedAt': new Date(),
            'verification.reviewedBy': decision.actorId,
          },
        },
        { returnDocument: 'after', session },
      ).lean<CoachRecord>();
      if (!updated) {
        const exists = await Coach.exists({ user: decision.coachId }).session(session);
        if (!exists) throw notFound('Coach');
        throw new AppError(409, 'CONFLICT', `The coach is already ${to}`);
      }
      await recordAudit(
        {
          actorId: decision.actorId,
          action: to === 'approved' ? 'coach.approve' : 'coach.reject',
          targetType: 'coach',
          targetId: decision.coachId,
          reason: decision.reason,
        },
        session,
      );
      return updated;
    });
    deps.events.publish('coach.verification_changed', {
      coachId: decision.coachId,
      status: to,
      reason: decision.reason,
      by: decision.actorId,
    });
    const [dto] = await deps.presenter.present([coach]);
    if (!dto) throw notFound('Coach');
    return dto;
  }

  return {
    /** Pending profiles of active accounts, oldest submission first. */
    async listPending(page: number, limit: number): Promise<Page<CoachDTO>> {
      const [coaches, total] = await Promise.all([
        Coach.find(PENDING)
          .sort({ 'verification.submittedAt': 1, _id: 1 })
          .skip((page - 1) * limit)
          .limit(limit)
          .lean(),
        Coach.countDocuments(PENDING),
      ]);
      return { items: await deps.presenter.present(coaches), page, limit, total };
    },

    approve(input: Omit<VerificationDecision, 'reason'> & { reason?: string }): Promise<CoachDTO> {
      return decide({ ...input, reason: input.reason ?? DEFAULT_APPROVAL_REASON }, 'approved');
    },

    reject(input: VerificationDecision): Promise<CoachDTO> {
      return decide(input, 'rejected');
    },
  };
}

export type CoachVerificationService = ReturnType<typeof createCoachVerification>;
