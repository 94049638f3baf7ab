import type { NotificationParams } from '@coachhub/shared/notification';
import type { BookingParty } from '@coachhub/shared/scheduling';
import type { BookingChange, BookingEventBooking } from '../../core/events/domain-events.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/socket/realtime.js';
import { findUserSummaries } from '../users/user-accounts.js';
import type { NewNotification, NotificationsService } from './notifications.service.js';

/** Where each side follows its bookings in the app. */
const BOOKINGS_LINK: Record<BookingParty, string> = { client: '/bookings', coach: '/practice' };
const PROFILE_LINK = '/practice/profile';

/** The reviews on a coach's public profile. */
const coachReviewsLink = (coachId: string) => `/coaches/${coachId}#reviews`;

/** An empty name when the account is gone: the client shows "Someone" instead. */
const fullName = (user: { firstName: string; lastName: string } | undefined) =>
  user ? `${user.firstName} ${user.lastName}` : '';

const otherSide = (party: BookingParty): BookingParty => (party === 'client' ? 'coach' : 'client');

/**
 * The notification for `to` about a booking, naming the other side (published for the modules
 * that notify about bookings, e.g. reminders).
 */
export async function bookingNotification(
  booking: BookingEventBooking,
  to: BookingParty,
  type: NewNotification['type'],
  extra: NotificationParams = {},
): Promise<NewNotification> {
  const fromId = to === 'client' ? booking.coachId : booking.clientId;
  const [from] = await findUserSummaries([fromId]);
  return {
    userId: to === 'client' ? booking.clientId : booking.coachId,
    type,
    params: {
      bookingId: booking.bookingId,
      title: booking.title,
      start: booking.start.toISOString(),
      name: from ? `${from.firstName} ${from.lastName}` : '',
      ...extra,
    },
    link: BOOKINGS_LINK[to],
  };
}

/** About a change made by the other side, with its reason when one was given. */
const aboutBooking = (
  change: BookingChange,
  to: BookingParty,
  type: NewNotification['type'],
  extra: NotificationParams = {},
) =>
  bookingNotification(change.booking, to, type, {
    ...(change.reason ? { reason: change.reason } : {}),
    ...extra,
  });

/**
 * The in-app notifications that follow domain events: a new request or booking for the coach,
 * each later change for the side that did not make it, verification decisions for the coach,
 * chat messages for recipients who are offline, and the outcomes of moderation.
 */
export function notifyOnDomainEvents(deps: {
  events: EventBus;
  notifications: NotificationsService;
  realtime: Pick<Realtime, 'onlineAmong'>;
}): () => void {
  const { events, notifications } = deps;
  const send = async (notification: Promise<NewNotification>) =>
    notifications.notify(await notification);
  const name = 'notifications';
  const unsubscribes = [
    events.subscribe('booking.created', name, (change) =>
      send(
        aboutBooking(
          change,
          'coach',
          change.booking.status === 'pending' ? 'booking.requested' : 'booking.booked',
        ),
      ),
    ),
    events.subscribe('booking.confirmed', name, (change) =>
      send(aboutBooking(change, 'client', 'booking.confirmed')),
    ),
    events.subscribe('booking.declined', name, (change) =>
      send(aboutBooking(change, 'client', 'booking.declined')),
    ),
    events.subscribe('booking.cancelled', name, (change) =>
      send(
        aboutBooking(change, otherSide(change.by), 'booking.cancelled', {
          feeAmount: change.fee.amount,
          feeCurrency: change.fee.currency,
        }),
      ),
    ),
    events.subscribe('booking.rescheduled', name, (change) =>
      send(
        aboutBooking(change, otherSide(change.by), 'booking.rescheduled', {
          previousStart: change.previousStart.toISOString(),
        }),
      ),
    ),
    // The coach approves moves: the client's request waits for them (both times held).
    events.subscribe('booking.reschedule_requested', name, (change) =>
      send(
        bookingNotification(change.booking, 'coach', 'booking.reschedule_requested', {
          requestedStart: change.requestedStart.toISOString(),
        }),
      ),
    ),
    events.subscribe('booking.reschedule_declined', name, (change) =>
      send(
        aboutBooking(change, 'client', 'booking.reschedule_declined', {
          requestedStart: change.requestedStart.toISOString(),
        }),
      ),
    ),
    // The client hears that their money came back, with the receipt that lists the refund.
    events.subscribe('payment.refunded', name, async (refund) => {
      const [coach] = await findUserSummaries([refund.coachId]);
      await notifications.notify({
        userId: refund.clientId,
        type: 'payment.refunded',
        params: {
          bookingId: refund.bookingId,
          title: refund.title,
          start: refund.start.toISOString(),
          name: fullName(coach),
          amount: refund.amount,
          currency: refund.currency,
        },
        link: `/bookings/${refund.bookingId}/receipt`,
      });
    }),
    events.subscribe('coach.verification_changed', name, ({ coachId, status, reason }) => {
      if (status === 'pending') return;
      return notifications.notify({
        userId: coachId,
        type: status === 'approved' ? 'coach.approved' : 'coach.rejected',
        params: status === 'rejected' ? { reason } : {},
        link: PROFILE_LINK,
      });
    }),
    // A chat message: only recipients with no socket connected (the others see it live).
    events.subscribe('message.created', name, async (message) => {
      const online = await deps.realtime.onlineAmong(message.recipientIds);
      const offline = message.recipientIds.filter((id) => !online.has(id));
      if (offline.length === 0) return;
      const [sender] = await findUserSummaries([message.senderId]);
      await Promise.all(
        offline.map((userId) =>
          notifications.notify({
            userId,
            type: 'message.received',
            params: {
              conversationId: message.conversationId,
              name: sender ? `${sender.firstName} ${sender.lastName}` : '',
              preview: message.preview,
            },
            link: `/messages?conversation=${message.conversationId}`,
          }),
        ),
      );
    }),
    events.subscribe('proposal.sent', name, async (proposal) => {
      const [proposer] = await findUserSummaries([proposal.proposerId]);
      await notifications.notify({
        userId: proposal.recipientId,
        type: 'proposal.received',
        params: {
          conversationId: proposal.conversationId,
          name: proposer ? `${proposer.firstName} ${proposer.lastName}` : '',
          title: proposal.sessionTitle,
          start: proposal.start.toISOString(),
        },
        link: `/messages?conversation=${proposal.conversationId}`,
      });
    }),
    // The proposer hears the answer; a withdrawal shows on the card, nobody needs telling.
    events.subscribe('proposal.answered', name, async (answer) => {
      if (answer.outcome === 'withdrawn') return;
      const [answerer] = await findUserSummaries([answer.answeredBy]);
      await notifications.notify({
        userId: answer.proposerId,
        type: answer.outcome === 'accepted' ? 'proposal.accepted' : 'proposal.declined',
        params: {
          conversationId: answer.conversationId,
          name: answerer ? `${answerer.firstName} ${answerer.lastName}` : '',
          title: answer.sessionTitle,
          start: answer.start.toISOString(),
        },
        link: `/messages?conversation=${answer.conversationId}`,
      });
    }),
    // The coach hears of a new review of a session (its stars and the client's name).
    events.subscribe('review.created', name, async (review) => {
      const [client] = await findUserSummaries([review.clientId]);
      await notifications.notify({
        userId: review.coachId,
        type: 'review.received',
        params: {
          reviewId: review.reviewId,
          name: client ? `${client.firstName} ${client.lastName}` : '',
          rating: review.rating,
        },
        link: coachReviewsLink(review.coachId),
      });
    }),
    // The client hears of the coach's first reply (edits within the window stay quiet).
    events.subscribe('review.responded', name, async (reply) => {
      const [coach] = await findUserSummaries([reply.coachId]);
      await notifications.notify({
        userId: reply.clientId,
        type: 'review.responded',
        params: { reviewId: reply.reviewId, name: fullName(coach) },
        link: coachReviewsLink(reply.coachId),
      });
    }),
    // The author hears when an admin hides their review (directly or on a report: the report's
    // own event tells only the reporter) and when it is restored.
    events.subscribe('review.hidden', name, async (hidden) => {
      const [coach] = await findUserSummaries([hidden.coachId]);
      await notifications.notify({
        userId: hidden.clientId,
        type: 'moderation.review_hidden',
        params: { reviewId: hidden.reviewId, name: fullName(coach), reason: hidden.reason },
        link: null,
      });
    }),
    events.subscribe('review.restored', name, async (restored) => {
      const [coach] = await findUserSummaries([restored.coachId]);
      await notifications.notify({
        userId: restored.clientId,
        type: 'moderation.review_restored',
        params: { reviewId: restored.reviewId, name: fullName(coach) },
        link: coachReviewsLink(restored.coachId),
      });
    }),
    // Moderation: the warned person reads why; a reporter hears that their report was handled;
    // a sender whose message was taken down hears it (suspensions speak for themselves).
    events.subscribe('user.warned', name, ({ userId, reason }) =>
      notifications.notify({
        userId,
        type: 'account.warned',
        params: { reason },
        link: null,
      }),
    ),
    events.subscribe('report.resolved', name, async (resolved) => {
      await notifications.notify({
        userId: resolved.reporterId,
        type: resolved.action === 'dismiss' ? 'report.dismissed' : 'report.resolved',
        params: { targetType: resolved.targetType },
        link: null,
      });
      if (
        resolved.action === 'hide' &&
        resolved.targetType === 'message' &&
        resolved.reportedUserId
      ) {
        await notifications.notify({
          userId: resolved.reportedUserId,
          type: 'moderation.message_hidden',
          params: { reason: resolved.note },
          link: null,
        });
      }
    }),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
