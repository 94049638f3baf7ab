import type { BookingStatus } from './scheduling.js';
import type { CoachDTO, VerificationStatus } from './coach.js';
import type { MessageDTO } from './conversation.js';
import type { ReportAction, ReportDTO, ReportStatus, ReportTargetType } from './report.js';
import type { ReviewDTO } from './review.js';
import type { Role, UserStatus } from './roles.js';
import type { StoredImage, UserDTO } from './user.js';

/** What an admin did; every admin action writes one entry. Later features add theirs. */
export const AUDIT_ACTIONS = [
  'user.suspend',
  'user.reinstate',
  /** A warning sent to a user (directly, or as the outcome of a report). */
  'user.warn',
  'coach.approve',
  'coach.reject',
  /** An admin changed a coach's price configuration (coaches' own changes are not audited). */
  'pricing.update',
  /** A report was closed; the entry's reason is the admin's note, the action has its own entry. */
  'report.resolve',
  /** A chat message taken down after a report (hidden for everyone, with a moderation marker). */
  'message.hide',
  'review.hide',
  'review.restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `coach` targets are identified by the coach's user id, like every person. */
export const AUDIT_TARGET_TYPES = ['user', 'coach', 'report', 'message', 'review'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** `GET /api/admin/audit-log` items (newest first), paged as `Page<AuditLogEntryDTO>`. */
export interface AuditLogEntryDTO {
  _id: string;
  actor: { _id: string; firstName: string; lastName: string; email: string } | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  reason: string;
  at: string;
}

/** `GET /api/admin/audit-log` filters (all optional; `from`/`to` are ISO instants, `to` exclusive). */
export interface AuditLogQuery {
  action?: AuditAction;
  actorId?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  from?: string;
  to?: string;
  page?: number;
  limit?: number;
}

/** A person as admins see them in lists and queues (with the e-mail, unlike `UserSummaryDTO`). */
export interface AdminUserSummaryDTO {
  _id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  status: UserStatus;
  profilePicture: StoredImage | null;
}

/** One UTC day of a chart: `date` is `YYYY-MM-DD`. */
export interface DailyCount {
  date: string;
  count: number;
}

/** Days the per-day figures of the stats cover (today included, oldest first, zero-filled). */
export const ADMIN_STATS_DAYS = 30;

/** `GET /api/admin/stats` */
export interface AdminStatsDTO {
  users: {
    total: number;
    byRole: Record<Role, number>;
    byStatus: Record<UserStatus, number>;
  };
  /** Coach profiles by verification status. */
  coaches: {
    total: number;
    byVerification: Record<VerificationStatus, number>;
  };
  bookings: {
    total: number;
    byStatus: Record<BookingStatus, number>;
  };
  reports: { open: number };
  /** Bookings made per day (by when they were made), `ADMIN_STATS_DAYS` entries. */
  bookingsPerDay: DailyCount[];
  /** Accounts registered per day, `ADMIN_STATS_DAYS` entries. */
  newUsersPerDay: DailyCount[];
  generatedAt: string;
}

/** Orders of the admin user list. */
export const ADMIN_USER_SORTS = ['newest', 'oldest', 'name', 'email'] as const;
export type AdminUserSort = (typeof ADMIN_USER_SORTS)[number];

/** `GET /api/admin/users`: `q` matches names and e-mail (case-insensitive, plain text). */
export interface AdminUserListQuery {
  q?: string;
  role?: Role;
  status?: UserStatus;
  /** `newest` when left out. */
  sort?: AdminUserSort;
  page?: number;
  limit?: number;
}

/** An item of `GET /api/admin/users`: the account, plus the coach's verification for coaches. */
export interface AdminUserDTO extends UserDTO {
  coachVerification: VerificationStatus | null;
}

/** `POST /api/admin/users/:id/warn` -> 200 the user (`AdminUserDTO`); they get an `account.warned` notification. */
export interface WarnUserRequest {
  reason: string;
}

/**
 * The reported content as the admin queue shows it. A target that no longer exists has its
 * content null. `message`: the messages around it in its conversation (admins read a
 * conversation only this way), the reported one in `message`, with its text even when hidden.
 */
export type ReportTargetContext =
  | { targetType: 'user'; user: AdminUserSummaryDTO | null }
  | { targetType: 'coach'; coach: CoachDTO | null; user: AdminUserSummaryDTO | null }
  | {
      targetType: 'message';
      message: MessageDTO | null;
      conversationId: string | null;
      /** Up to `REPORT_LIMITS.contextMessages` each, oldest first. */
      before: MessageDTO[];
      after: MessageDTO[];
      participants: AdminUserSummaryDTO[];
    }
  | { targetType: 'review'; review: ReviewDTO | null };

/** An item of the report queue (`GET /api/admin/reports`, `GET /api/admin/reports/:id`). */
export interface AdminReportDTO extends ReportDTO {
  reporter: AdminUserSummaryDTO | null;
  reportedUser: AdminUserSummaryDTO | null;
  target: ReportTargetContext;
}

/** `GET /api/admin/reports`: oldest open first when `status=open`, else newest first. */
export interface AdminReportListQuery {
  status?: ReportStatus;
  targetType?: ReportTargetType;
  page?: number;
  limit?: number;
}

/**
 * `POST /api/admin/reports/:id/resolve` -> 200 `AdminReportDTO`. `hide` is refused (400) for
 * `user` targets; a closed report answers 409 `INVALID_TRANSITION`.
 */
export interface ResolveReportRequest {
  action: ReportAction;
  note: string;
}

/** `POST /api/admin/reviews/:id/hide | restore` */
export interface ReviewModerationRequest {
  reason: string;
}

/**
 * `GET /api/admin/bookings` (read-only lookup) -> `Page<BookingDTO>`: by booking `id`, by the
 * client's or coach's user id, or by `q` (name or e-mail of either side).
 */
export interface AdminBookingQuery {
  id?: string;
  clientId?: string;
  coachId?: string;
  q?: string;
  status?: BookingStatus;
  page?: number;
  limit?: number;
}
