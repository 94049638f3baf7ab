import type { Page } from '@coachhub/shared/pagination';
import type {
  CreateReportRequest,
  ReportAction,
  ReportDTO,
  ReportStatus,
  ReportTargetType,
} from '@coachhub/shared/report';
import type { ReviewDTO } from '@coachhub/shared/review';
import { randomUUID } from 'node:crypto';
import { Types, type ClientSession, type QueryFilter } from 'mongoose';
import type { Actor } from '../../core/auth/principal.js';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { findVisibleCoachSummary } from '../coaches/coach-visibility.js';
import type { MessageModeration } from '../conversations/message-moderation.js';
import { userExists } from '../users/user-accounts.js';
import { toReportDTO } from './report.mapper.js';
import { Report, REPORT_CLAIM_MS, type ReportFields, type ReportRecord } from './report.model.js';

/** What the reports module reads of the reviews feature: any review, hidden or not; 404 if unknown. */
export interface ReviewLookup {
  getReview(reviewId: string): Promise<ReviewDTO>;
}

export interface ReportQueueQuery {
  status?: ReportStatus;
  targetType?: ReportTargetType;
  page: number;
  limit: number;
}

/** A report an admin holds while acting on it (`claim`), to `close` or `release` afterwards. */
export interface ClaimedReport {
  report: ReportDTO;
  token: string;
}

const closedAs = (action: ReportAction): ReportStatus =>
  action === 'dismiss' ? 'dismissed' : 'resolved';

const cannotReportSelf = () =>
  new AppError(400, 'VALIDATION_FAILED', 'You cannot report yourself', [
    { field: 'targetId', location: 'body', message: 'You cannot report yourself' },
  ]);

/**
 * Reports: filed by anyone signed in about something they can see, queued for the admins (who
 * hear of each new one live), closed once by one admin.
 */
export function createReportsService(deps: {
  events: EventBus;
  messages: Pick<MessageModeration, 'findReportable'>;
  reviews: ReviewLookup;
}) {
  /** Who the report is about; 404 when the reporter cannot see the target. */
  async function reportedUserOf(caller: Actor, input: CreateReportRequest): Promise<string> {
    switch (input.targetType) {
      case 'user':
        if (!(await userExists(input.targetId))) throw notFound('User');
        return input.targetId;
      case 'coach':
        await findVisibleCoachSummary(input.targetId, caller);
        return input.targetId;
      case 'message':
        return (await deps.messages.findReportable(caller, input.targetId)).senderId;
      case 'review': {
        // A hidden review is out of sight: nobody reports it again.
        const review = await deps.reviews.getReview(input.targetId);
        if (review.hiddenAt !== null) throw notFound('Review');
        return review.reviewer._id;
      }
    }
  }

  return {
    /** 201; a second open report of the same target by the same person is 409 ALREADY_REPORTED. */
    async create(caller: Actor, input: CreateReportRequest): Promise<ReportDTO> {
      const reportedUserId = await reportedUserOf(caller, input);
      if (reportedUserId === caller.userId) throw cannotReportSelf();
      let report: ReportRecord;
      try {
        const created = await Report.create({
          reporter: caller.userId,
          targetType: input.targetType,
          targetId: input.targetId,
          reason: input.reason,
          details: input.details ?? null,
          reportedUser: reportedUserId,
        });
        report = created.toObject<ReportRecord>();
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        throw new AppError(
          409,
          'ALREADY_REPORTED',
          'You already reported this; an admin will look at it',
        );
      }
      deps.events.publish('report.created', {
        reportId: report._id.toString(),
        reporterId: caller.userId,
        targetType: report.targetType,
        targetId: report.targetId,
        reportedUserId,
      });
      return toReportDTO(report);
    },

    async get(reportId: string): Promise<ReportDTO> {
      const report = await Report.findById(reportId).lean<ReportRecord>();
      if (!report) throw notFound('Report');
      return toReportDTO(report);
    },

    /** The queue: open reports oldest first (first come, first served), closed ones newest first. */
    async list(query: ReportQueueQuery): Promise<Page<ReportDTO>> {
      const filter: QueryFilter<ReportFields> = {};
      if (query.status) filter.status = query.status;
      if (query.targetType) filter.targetType = query.targetType;
      const direction = query.status === 'open' ? 1 : -1;
      const [reports, total] = await Promise.all([
        Report.find(filter)
          .sort({ createdAt: direction, _id: direction })
          .skip((query.page - 1) * query.limit)
          .limit(query.limit)
          .lean<ReportRecord[]>(),
        Report.countDocuments(filter),
      ]);
      return { items: reports.map(toReportDTO), page: query.page, limit: query.limit, total };
    },

    /**
     * Takes the open report for this admin with one conditional write: of two admins at once,
     * exactly one gets it; the other (and anyone acting on a closed report) gets 409
     * INVALID_TRANSITION.
     */
    async claim(reportId: string, actorId: string, now = new Date()): Promise<ClaimedReport> {
      const token = randomUUID();
      const claimed = await Report.findOneAndUpdate(
        {
          _id: reportId,
          status: 'open',
          $or: [
            { claim: null },
            { 'claim.at': { $lt: new Date(now.getTime() - REPORT_CLAIM_MS) } },
          ],
        },
        { $set: { claim: { token, by: new Types.ObjectId(actorId), at: now } } },
        { returnDocument: 'after' },
      ).lean<ReportRecord>();
      if (claimed) return { report: toReportDTO(claimed), token };
      const report = await Report.findById(reportId).lean<ReportRecord>();
      if (!report) throw notFound('Report');
      throw new AppError(
        409,
        'INVALID_TRANSITION',
        report.status === 'open'
          ? 'Another admin is resolving this report right now'
          : `The report is already ${report.status}`,
      );
    },

    /** Gives the report back to the queue after the action failed. */
    async release(reportId: string, token: string): Promise<void> {
      await Report.updateOne({ _id: reportId, 'claim.token': token }, { $set: { claim: null } });
    },

    /** Closes the claimed report inside the caller's transaction (with the action's writes). */
    async close(
      claimed: ClaimedReport,
      resolution: { action: ReportAction; note: string; actorId: string },
      session: ClientSession,
    ): Promise<ReportDTO> {
      const closed = await Report.findOneAndUpdate(
        { _id: claimed.report._id, status: 'open', 'claim.token': claimed.token },
        {
          $set: {
            status: closedAs(resolution.action),
            claim: null,
            resolution: {
              action: resolution.action,
              note: resolution.note,
              by: new Types.ObjectId(resolution.actorId),
              at: new Date(),
            },
          },
        },
        { returnDocument: 'after', session },
      ).lean<ReportRecord>();
      if (!closed) {
        throw new AppError(409, 'INVALID_TRANSITION', 'The report was closed meanwhile');
      }
      return toReportDTO(closed);
    },

    /** After the commit of `close`: the reporter and the reported person hear of it. */
    announceClosed(report: ReportDTO): void {
      if (!report.resolution) return;
      deps.events.publish('report.resolved', {
        reportId: report._id,
        reporterId: report.reporterId,
        reportedUserId: report.reportedUserId,
        targetType: report.targetType,
        targetId: report.targetId,
        action: report.resolution.action,
        note: report.resolution.note,
        by: report.resolution.by,
      });
    },

    /** Open reports right now (admin figures, the queue's badge). */
    countOpen: (): Promise<number> => Report.countDocuments({ status: 'open' }).exec(),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
