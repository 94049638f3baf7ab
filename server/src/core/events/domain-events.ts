import type { VerificationStatus } from '@coachhub/shared/coach';
import type { ProposalKind } from '@coachhub/shared/conversation';
import type { NotificationParams, NotificationType } from '@coachhub/shared/notification';
import type { Currency } from '@coachhub/shared/pricing';
import type { ReportAction, ReportTargetType } from '@coachhub/shared/report';
import type { Role } from '@coachhub/shared/roles';
import type { BookingParty, BookingStatus } from '@coachhub/shared/scheduling';

/**
 * A booking as events carry it: ids as strings and times as Dates, never a Mongoose document,
 * so subscribers in any module can use it without knowing the bookings model.
 */
export interface BookingEventBooking {
  bookingId: string;
  coachId: string;
  clientId: string;
  status: BookingStatus;
  start: Date;
  end: Date;
  /** The session type's title as booked. */
  title: string;
}

/** Every booking event: the booking after the change, who made it and when. */
export interface BookingChange {
  booking: BookingEventBooking;
  by: BookingParty;
  at: Date;
  /** The reason given with a decline or cancellation, when there was one. */
  reason: string | null;
}

/** A review hidden or restored by an admin (`by`), with the admin's reason. */
export interface ReviewModeration {
  reviewId: string;
  coachId: string;
  /** The review's author, who hears of it. */
  clientId: string;
  by: string;
  reason: string;
}

/** `revoked`: its user ended it from the list of sessions (`DELETE /api/auth/sessions/:id`, revoke-others). */
export type SessionRevokedReason = 'logout' | 'password_change' | 'suspended' | 'reuse' | 'revoked';

/**
 * The one map of domain events: each name and its payload. Published only after the change
 * committed (architecture.md "Module boundaries and domain events").
 */
export interface DomainEvents {
  'booking.created': BookingChange;
  'booking.confirmed': BookingChange;
  'booking.declined': BookingChange;
  'booking.cancelled': BookingChange & { fee: { amount: number; currency: Currency } };
  /** Moved: by either side at once, or by the coach approving the client's request. */
  'booking.rescheduled': BookingChange & { previousStart: Date; previousEnd: Date };
  /** The client asked to move a confirmed booking; it keeps its time until the coach answers. */
  'booking.reschedule_requested': BookingChange & { requestedStart: Date; requestedEnd: Date };
  /** The coach declined the client's request: the booking stays at its time. */
  'booking.reschedule_declined': BookingChange & { requestedStart: Date; requestedEnd: Date };
  'booking.completed': BookingChange;
  'booking.no_show': BookingChange;
  /**
   * A booking awaiting payment ended unpaid: its hold ran out (`expired`) or its client withdrew
   * it (`withdrawn`). Only its client knew of it (a paid booking is announced as
   * `booking.created` when its payment arrives), so this is no `booking.cancelled`.
   */
  'booking.hold_released': BookingChange & { outcome: 'expired' | 'withdrawn' };
  /**
   * A booking's refund completed at the provider (published once, when its record turned
   * `succeeded`); `amount` in minor units.
   */
  'payment.refunded': {
    transactionId: string;
    bookingId: string;
    clientId: string;
    coachId: string;
    /** The session type's title as booked, and the session's start. */
    title: string;
    start: Date;
    amount: number;
    currency: Currency;
  };
  /** An admin's decision, or `pending` when the coach (re)submits the profile for review. */
  'coach.verification_changed': {
    coachId: string;
    status: VerificationStatus;
    /** The admin's reason (shown to the coach for a rejection). */
    reason: string;
    by: string;
  };
  /** One session (refresh-token family) ended; a password change or suspension ends each one. */
  'session.revoked': { userId: string; sessionId: string; reason: SessionRevokedReason };
  'user.suspended': { userId: string; by: string; reason: string };
  'user.reinstated': { userId: string; by: string; reason: string };
  /** The account's role changed (a client became a coach); authorization reads it afresh. */
  'user.role_changed': { userId: string; role: Role };
  /** Two-factor sign-in was turned on or off for the account. */
  'user.two_factor_changed': { userId: string; enabled: boolean };
  /**
   * The account's own fields changed (names, locale, time zone, picture): what
   * `/api/users/me` answers is read afresh.
   */
  'user.account_changed': { userId: string };
  /** An admin warned the user (directly or on a report); the reason is shown to them. */
  'user.warned': { userId: string; by: string; reason: string };
  /** A report entered the moderation queue. */
  'report.created': {
    reportId: string;
    reporterId: string;
    targetType: ReportTargetType;
    targetId: string;
    reportedUserId: string | null;
  };
  /** An admin closed a report; the action's own effects have their own events. */
  'report.resolved': {
    reportId: string;
    reporterId: string;
    reportedUserId: string | null;
    targetType: ReportTargetType;
    targetId: string;
    action: ReportAction;
    note: string;
    by: string;
  };
  /** A chat message was stored; `recipientIds`: everyone who follows the conversation but the sender. */
  'message.created': {
    messageId: string;
    conversationId: string;
    senderId: string;
    recipientIds: string[];
    preview: string;
  };
  /** A booking proposal was posted in a conversation, for `recipientId` to answer. */
  'proposal.sent': {
    messageId: string;
    conversationId: string;
    proposerId: string;
    recipientId: string;
    kind: ProposalKind;
    start: Date;
    sessionTitle: string;
  };
  /** A proposal was accepted or declined by the other side, or withdrawn by its proposer. */
  'proposal.answered': {
    messageId: string;
    conversationId: string;
    proposerId: string;
    answeredBy: string;
    outcome: 'accepted' | 'declined' | 'withdrawn';
    kind: ProposalKind;
    start: Date;
    sessionTitle: string;
    /** The booking made or moved, when accepted. */
    bookingId: string | null;
  };
  /** A client reviewed a completed booking (the coach's rating changed with it). */
  'review.created': {
    reviewId: string;
    bookingId: string;
    coachId: string;
    clientId: string;
    rating: number;
  };
  /** An admin hid a review: it left the coach's public list and rating. */
  'review.hidden': ReviewModeration;
  /** An admin restored a hidden review: it counts again. */
  'review.restored': ReviewModeration;
  /** The reviewed coach replied to a review for the first time (later edits publish nothing). */
  'review.responded': {
    reviewId: string;
    coachId: string;
    clientId: string;
    at: Date;
  };
  /** An in-app notification was stored (e-mail follows it, by the recipient's preferences). */
  'notification.created': {
    notificationId: string;
    userId: string;
    type: NotificationType;
    params: NotificationParams;
    link: string | null;
  };
}

export type DomainEventName = keyof DomainEvents;

/** The changes of a booking after it was created, one event each. */
export const BOOKING_UPDATE_EVENTS = [
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.reschedule_requested',
  'booking.reschedule_declined',
  'booking.completed',
  'booking.no_show',
] as const satisfies readonly DomainEventName[];

/** Every booking event, creation first. */
export const BOOKING_EVENTS = ['booking.created', ...BOOKING_UPDATE_EVENTS] as const;
