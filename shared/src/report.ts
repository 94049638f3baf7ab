/**
 * Reports: anyone signed in can report a user, a coach profile, a chat message or a review;
 * admins work through the queue (`/api/admin/reports`, types in admin.ts).
 */

/** What can be reported. `user` and `coach` targets are named by the person's user id. */
export const REPORT_TARGET_TYPES = ['user', 'coach', 'message', 'review'] as const;
export type ReportTargetType = (typeof REPORT_TARGET_TYPES)[number];

/** Why: the `reason` of a report is one of these; `details` may say more in the reporter's words. */
export const REPORT_REASONS = ['spam', 'harassment', 'inappropriate', 'fraud', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** `open` until an admin acts: `dismissed` (no action) or `resolved` (content hidden, warning, suspension). */
export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * What an admin does with a report. `hide`: the reported message, review or coach profile is taken
 * down (a person, `user`, has no content to hide). `warn`: the reported person gets a warning.
 * `suspend`: their account is suspended. `dismiss`: nothing happens to anyone.
 */
export const REPORT_ACTIONS = ['dismiss', 'hide', 'warn', 'suspend'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_LIMITS = {
  /** Characters of the optional `details`. */
  detailsMax: 1000,
  /** Characters of an admin's note when resolving. */
  noteMax: 900,
  /** Reports one user may file per `windowSeconds` (more: 429 RATE_LIMITED with Retry-After). */
  perWindow: 20,
  windowSeconds: 3600,
  /** Messages shown on each side of a reported message in the admin queue. */
  contextMessages: 5,
} as const;

/** `POST /api/reports` -> 201 `ReportDTO`. */
export interface CreateReportRequest {
  targetType: ReportTargetType;
  /** A user id (`user`, `coach`), a message id or a review id. */
  targetId: string;
  reason: ReportReason;
  /** Optional, the reporter's own words (up to `REPORT_LIMITS.detailsMax` characters). */
  details?: string;
}

/** How a report was closed. */
export interface ReportResolutionDTO {
  action: ReportAction;
  note: string;
  /** The admin's user id. */
  by: string;
  at: string;
}

export interface ReportDTO {
  _id: string;
  targetType: ReportTargetType;
  targetId: string;
  reason: ReportReason;
  details: string | null;
  status: ReportStatus;
  reporterId: string;
  /**
   * The person the report is about: the user or coach, the message's sender, the review's
   * author. A warning or suspension goes to them.
   */
  reportedUserId: string | null;
  /** Null while open. */
  resolution: ReportResolutionDTO | null;
  createdAt: string;
}

/** Socket `report:created`, to `adminsRoom()`: a report entered the queue. */
export interface ReportCreatedEvent {
  report: ReportDTO;
  /** Open reports now, for a badge. */
  openCount: number;
}
