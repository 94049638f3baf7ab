import type { AdminUserSort, ResolveReportRequest } from '@coachhub/shared/admin';
import type { ModerationRequest } from '@coachhub/shared/auth';
import type { ReportStatus, ReportTargetType } from '@coachhub/shared/report';
import type { Role, UserStatus } from '@coachhub/shared/roles';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { pageOf } from '../../core/pagination.js';
import { validated } from '../../core/validation.js';
import { listAuditLog, type AuditLogFilter } from '../audit/audit.service.js';
import type { AdminReports } from './admin-reports.js';
import type { AdminService } from './admin.service.js';
import type { ReviewModeration } from './review-moderation.js';

type Request = Parameters<RequestHandler>[0];

export function createAdminController(deps: {
  admin: AdminService;
  reports: AdminReports;
  reviews: ReviewModeration;
}) {
  const { admin, reports, reviews } = deps;
  const moderationInput = (req: Request) => {
    const { id, reason } = validated<ModerationRequest & { id: string }>(req);
    return { actorId: principalOf(req).userId, targetId: id, reason };
  };

  const suspendUser: RequestHandler = async (req, res) => {
    res.json(await admin.suspend(moderationInput(req)));
  };

  const reinstateUser: RequestHandler = async (req, res) => {
    res.json(await admin.reinstate(moderationInput(req)));
  };

  const warnUser: RequestHandler = async (req, res) => {
    res.json(await admin.warn(moderationInput(req)));
  };

  const listUsers: RequestHandler = async (req, res) => {
    const { q, role, status, sort } = validated<{
      q?: string;
      role?: Role;
      status?: UserStatus;
      sort?: AdminUserSort;
    }>(req);
    res.json(await admin.listUsers({ q, role, status, sort: sort ?? 'newest', ...pageOf(req) }));
  };

  const stats: RequestHandler = async (_req, res) => {
    res.json(await admin.stats());
  };

  const auditLog: RequestHandler = async (req, res) => {
    const { page, limit } = pageOf(req);
    const {
      page: _page,
      limit: _limit,
      ...filter
    } = validated<AuditLogFilter & { page?: number; limit?: number }>(req);
    res.json(await listAuditLog(page, limit, filter));
  };

  const listReports: RequestHandler = async (req, res) => {
    const filter = validated<{ status?: ReportStatus; targetType?: ReportTargetType }>(req);
    res.json(
      await reports.list({ status: filter.status, targetType: filter.targetType, ...pageOf(req) }),
    );
  };

  const getReport: RequestHandler = async (req, res) => {
    res.json(await reports.get(validated<{ id: string }>(req).id));
  };

  const resolveReport: RequestHandler = async (req, res) => {
    const { id, action, note } = validated<ResolveReportRequest & { id: string }>(req);
    res.json(
      await reports.resolve({ actorId: principalOf(req).userId, reportId: id, action, note }),
    );
  };

  const lookupBookings: RequestHandler = async (req, res) => {
    const { id, clientId, coachId, q, status } = validated<{
      id?: string;
      clientId?: string;
      coachId?: string;
      q?: string;
      status?: BookingStatus;
    }>(req);
    res.json(
      await admin.lookupBookings(principalOf(req).userId, {
        bookingId: id,
        clientId,
        coachId,
        q,
        status,
        ...pageOf(req),
      }),
    );
  };

  const listReviews: RequestHandler = async (req, res) => {
    const { hidden, coachId } = validated<{ hidden?: 'true' | 'false'; coachId?: string }>(req);
    res.json(
      await reviews.listForModeration({
        hidden: hidden === undefined ? undefined : hidden === 'true',
        coachId,
        ...pageOf(req),
      }),
    );
  };

  const reviewInput = (req: Request) => {
    const { id, reason } = validated<ModerationRequest & { id: string }>(req);
    return { reviewId: id, actorId: principalOf(req).userId, reason };
  };

  const hideReview: RequestHandler = async (req, res) => {
    res.json(await reviews.hide(reviewInput(req)));
  };

  const restoreReview: RequestHandler = async (req, res) => {
    res.json(await reviews.restore(reviewInput(req)));
  };

  return {
    listReviews,
    hideReview,
    restoreReview,
    suspendUser,
    reinstateUser,
    warnUser,
    listUsers,
    stats,
    auditLog,
    listReports,
    getReport,
    resolveReport,
    lookupBookings,
  };
}
