import type { Page } from './pagination.js';

/**
 * What a notification is about. Each has an i18n key `notifications.<type>` in the client,
 * rendered with the notification's `params`.
 */
export const NOTIFICATION_TYPES = [
  /** To the coach: a client asked for a session (the coach approves requests). */
  'booking.requested',
  /** To the coach: a client booked a session (confirmed at once). */
  'booking.booked',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.rescheduled',
  /** To the coach: a client asks to move a confirmed session (the coach approves changes). */
  'booking.reschedule_requested',
  /** To the client: the coach kept the session at its time instead of moving it. */
  'booking.reschedule_declined',
  /** To both participants, a day and an hour before a confirmed session. */
  'booking.reminder',
  'coach.approved',
  'coach.rejected',
  /** To a recipient of a chat message who had no socket connected when it arrived. */
  'message.received',
  /** To the other side of a conversation: a time (new session or new time) was proposed. */
  'proposal.received',
  /** To the proposer: the other side accepted (the booking exists or moved) or declined. */
  'proposal.accepted',
  'proposal.declined',
  /** To the coach: a client reviewed a completed session (`name`, `rating`, `reviewId`). */
  'review.received',
  /** To the client: the coach (`name`) replied to their review (`reviewId`); edits do not notify. */
  'review.responded',
  /** To a user an admin warned (directly or on a report), with the admin's `reason`. */
  'account.warned',
  /** To the reporter: an admin acted on their report (`targetType`: user, coach, message, review). */
  'report.resolved',
  /** To the reporter: an admin looked at their report and took no action (`targetType`). */
  'report.dismissed',
  /** To the sender: an admin took their chat message down after a report (`reason`). */
  'moderation.message_hidden',
  /**
   * To the author: an admin hid their review of the coach `name` (`reviewId`, the admin's
   * `reason`), directly or on a report.
   */
  'moderation.review_hidden',
  /** To the author: an admin made their hidden review of the coach `name` visible again. */
  'moderation.review_restored',
  /**
   * To the client: the money for a session came back (`amount`, `currency`, the booking's
   * `bookingId`, `title`, `start`); the link is the booking's receipt.
   */
  'payment.refunded',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Values a notification's text is filled with; times are ISO-8601 UTC instants. */
export type NotificationParams = Record<string, string | number>;

export interface NotificationDTO {
  _id: string;
  type: NotificationType;
  /** The client's i18n key for the text (`notifications.booking.confirmed`). */
  key: string;
  params: NotificationParams;
  /** In-app path the notification leads to, e.g. `/bookings`. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** `GET /api/notifications`: a page, newest first, plus the unread count of all of them. */
export interface NotificationPage extends Page<NotificationDTO> {
  unreadCount: number;
}

/** Socket `notification:new`, to the recipient's own sockets. */
export interface NotificationEvent {
  notification: NotificationDTO;
  unreadCount: number;
}

/** `POST /api/notifications/:id/read` and `POST /api/notifications/read-all`. */
export interface NotificationReadResponse {
  unreadCount: number;
}

/** `GET|PUT /api/users/me/notification-preferences`: which types also send an e-mail. In-app is always on. */
export interface NotificationPreferencesDTO {
  email: Record<NotificationType, boolean>;
}

/** One mail kept in the development outbox (`GET /api/dev/outbox`, when no SMTP server is set). */
export interface OutboxMailDTO {
  _id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string }[];
  createdAt: string;
}
