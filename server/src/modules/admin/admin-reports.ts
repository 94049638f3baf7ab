import type {
  AdminReportDTO,
  AdminUserSummaryDTO,
  ReportTargetContext,
} from '@coachhub/shared/admin';
import type { CoachDTO } from '@coachhub/shared/coach';
import type { Page } from '@coachhub/shared/pagination';
import { REPORT_LIMITS, type ReportAction, type ReportDTO } from '@coachhub/shared/report';
import type { ReviewDTO } from '@coachhub/shared/review';
import mongoose, { type ClientSession } from 'mongoose';
import { AppError } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AccountStatusService } from '../auth/account-status.service.js';
import type { CoachPresenter } from '../coaches/coach-presenter.js';
import type { CoachVerificationService } from '../coaches/coach-verification.service.js';
import type { MessageContext, MessageModeration } from '../conversations/message-moderation.js';
import type { ReportQueueQuery, ReportsService } from '../reports/reports.service.js';
import { findAdminUserSummaries } from '../users/user-admin-queries.js';
import type { ReviewModeration } from './review-moderation.js';

export interface ResolveInput {
  actorId: string;
  reportId: string;
  action: ReportAction;
  /** Written to the audit log; a warning or a hidden message shows it to the reported person. */
  note: string;
}

const refusedAction = (message: string) =>
  new AppError(400, 'VALIDATION_FAILED', message, [{ field: 'action', location: 'body', message }]);

/** A review or message that is gone shows as null rather than failing the whole queue. */
const orNull = async <T>(read: Promise<T>): Promise<T | null> => {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
};

/**
 * The report queue with each report's content in context, and resolving reports. Admins read a
 * conversation only here: the reported message and a few on each side of it.
 */
export function createAdminReports(deps: {
  reports: ReportsService;
  messages: Pick<MessageModeration, 'contextOf' | 'hide'>;
  reviews: Pick<ReviewModeration, 'getReview' | 'hide'>;
  presenter: CoachPresenter;
  coachVerification: Pick<CoachVerificationService, 'reject'>;
  accountStatus: Pick<AccountStatusService, 'suspend'>;
  events: EventBus;
}) {
  async function present(reports: readonly ReportDTO[]): Promise<AdminReportDTO[]> {
    const idsOf = (type: ReportDTO['targetType']) =>
      reports.filter((report) => report.targetType === type).map((report) => report.targetId);
    const [contexts, reviews, coaches] = await Promise.all([
      Promise.all(
        idsOf('message').map((id) => deps.messages.contextOf(id, REPORT_LIMITS.contextMessages)),
      ),
      Promise.all(idsOf('review').map((id) => orNull(deps.reviews.getReview(id)))),
      deps.presenter.presentByUserIds(idsOf('coach')),
    ]);
    const contextById = new Map<string, MessageContext | null>(
      idsOf('message').map((id, index) => [id, contexts[index] ?? null]),
    );
    const reviewById = new Map<string, ReviewDTO | null>(
      idsOf('review').map((id, index) => [id, reviews[index] ?? null]),
    );
    const coachById = new Map<string, CoachDTO>(coaches.map((coach) => [coach._id, coach]));
    const people = await findAdminUserSummaries(
      [
        ...new Set([
          ...reports.flatMap((report) => [report.reporterId, report.reportedUserId ?? '']),
          ...idsOf('user'),
          ...idsOf('coach'),
          ...[...contextById.values()].flatMap((context) => context?.participantIds ?? []),
        ]),
      ].filter((id) => id !== ''),
    );
    const personById = new Map<string, AdminUserSummaryDTO>(
      people.map((person) => [person._id, person]),
    );
    const person = (id: string | null) => (id ? (personById.get(id) ?? null) : null);

    const targetOf = (report: ReportDTO): ReportTargetContext => {
      const id = report.targetId;
      switch (report.targetType) {
        case 'user':
          return { targetType: 'user', user: person(id) };
        case 'coach':
          return { targetType: 'coach', coach: coachById.get(id) ?? null, user: person(id) };
        case 'message': {
          const context = contextById.get(id) ?? null;
          return {
            targetType: 'message',
            message: context?.message ?? null,
            conversationId: context?.conversationId ?? null,
            before: context?.before ?? [],
            after: context?.after ?? [],
            participants: (context?.participantIds ?? []).flatMap((participant) => {
              const summary = person(participant);
              return summary ? [summary] : [];
            }),
          };
        }
        case 'review':
          return { targetType: 'review', review: reviewById.get(id) ?? null };
      }
    };

    return reports.map((report) => ({
      ...report,
      reporter: person(report.reporterId),
      reportedUser: person(report.reportedUserId),
      target: targetOf(report),
    }));
  }

  async function presentOne(report: ReportDTO): Promise<AdminReportDTO> {
    const [dto] = await present([report]);
    if (!dto) throw new Error(`Report ${report._id} could not be shown`);
    return dto;
  }

  /** The refusals known before anything is claimed or changed. */
  function checkApplicable(report: ReportDTO, action: ReportAction): void {
    if (report.status !== 'open') {
      throw new AppError(409, 'INVALID_TRANSITION', `The report is already ${report.status}`);
    }
    if (action === 'hide' && report.targetType === 'user') {
      throw refusedAction('A person has no content to hide: warn or suspend them instead');
    }
    if ((action === 'warn' || action === 'suspend') && !report.reportedUserId) {
      throw refusedAction('Nobody to act on: the reported content has no author');
    }
  }

  /** What runs before the report's own transaction: actions whose services commit their own. */
  async function actOutside(report: ReportDTO, input: ResolveInput): Promise<void> {
    const { actorId, note } = input;
    if (input.action === 'suspend') {
      await deps.accountStatus.suspend({
        actorId,
        targetId: report.reportedUserId ?? '',
        reason: note,
      });
    } else if (input.action === 'hide' && report.targetType === 'review') {
      await deps.reviews.hide({ reviewId: report.targetId, actorId, reason: note });
    } else if (input.action === 'hide' && report.targetType === 'coach') {
      // Hidden from the directory: the approval is withdrawn (the coach sees why and may resubmit).
      await deps.coachVerification.reject({ actorId, coachId: report.targetId, reason: note });
    }
  }

  /** What joins the report's transaction; returns what to do after the commit. */
  async function actInside(
    report: ReportDTO,
    input: ResolveInput,
    session: ClientSession,
  ): Promise<() => Promise<void>> {
    const { actorId, note } = input;
    if (input.action === 'hide' && report.targetType === 'message') {
      const hidden = await deps.messages.hide(
        { messageId: report.targetId, actorId, reason: note },
        session,
      );
      await recordAudit(
        {
          actorId,
          action: 'message.hide',
          targetType: 'message',
          targetId: report.targetId,
          reason: note,
        },
        session,
      );
      return hidden.announce;
    }
    if (input.action === 'warn') {
      const userId = report.reportedUserId ?? '';
      await recordAudit(
        { actorId, action: 'user.warn', targetType: 'user', targetId: userId, reason: note },
        session,
      );
      return async () => {
        deps.events.publish('user.warned', { userId, by: actorId, reason: note });
      };
    }
    return async () => {};
  }

  return {
    async list(query: ReportQueueQuery): Promise<Page<AdminReportDTO>> {
      const page = await deps.reports.list(query);
      return { ...page, items: await present(page.items) };
    },

    async get(reportId: string): Promise<AdminReportDTO> {
      return presentOne(await deps.reports.get(reportId));
    },

    /**
     * Closes an open report with one action. One admin claims it first, so of two resolving at
     * once exactly one acts (the other: 409 INVALID_TRANSITION). Suspensions, hidden reviews and
     * withdrawn coach approvals commit through their own services (with their audit entries);
     * a hidden message, a warning's audit entry, the report's new state and `report.resolve`
     * commit together. If anything fails, the report goes back to the queue, still open.
     */
    async resolve(input: ResolveInput): Promise<AdminReportDTO> {
      checkApplicable(await deps.reports.get(input.reportId), input.action);
      const claimed = await deps.reports.claim(input.reportId, input.actorId);
      const report = claimed.report;
      let closed: ReportDTO;
      let afterCommit: () => Promise<void>;
      try {
        await actOutside(report, input);
        [closed, afterCommit] = await mongoose.connection.transaction(async (session) => {
          const after = await actInside(report, input, session);
          const done = await deps.reports.close(
            claimed,
            { action: input.action, note: input.note, actorId: input.actorId },
            session,
          );
          await recordAudit(
            {
              actorId: input.actorId,
              action: 'report.resolve',
              targetType: 'report',
              targetId: report._id,
              reason: `${input.action}: ${input.note}`,
            },
            session,
          );
          return [done, after] as const;
        });
      } catch (error) {
        await deps.reports.release(report._id, claimed.token);
        throw error;
      }
      await afterCommit();
      deps.reports.announceClosed(closed);
      return presentOne(closed);
    },
  };
}

export type AdminReports = ReturnType<typeof createAdminReports>;
