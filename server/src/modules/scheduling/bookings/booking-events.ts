import type { BookingParty } from '@coachhub/shared/scheduling';
import type {
  BookingChange,
  BookingEventBooking,
  DomainEventName,
} from '../../../core/events/domain-events.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import type { BookingRecord } from './booking.model.js';
import type { SimpleBookingAction } from './booking-state-changes.js';

/** The event each state action publishes once its write committed. */
export const EVENT_OF_ACTION = {
  confirm: 'booking.confirmed',
  decline: 'booking.declined',
  cancel: 'booking.cancelled',
  complete: 'booking.completed',
  no_show: 'booking.no_show',
  approve_reschedule: 'booking.rescheduled',
  decline_reschedule: 'booking.reschedule_declined',
} as const satisfies Record<SimpleBookingAction, DomainEventName>;

export function toEventBooking(booking: BookingRecord): BookingEventBooking {
  return {
    bookingId: booking._id.toString(),
    coachId: booking.coach.toString(),
    clientId: booking.client.toString(),
    status: booking.status,
    start: booking.start,
    end: booking.end,
    title: booking.sessionTypeSnapshot.title,
  };
}

export function bookingChange(
  booking: BookingRecord,
  by: BookingParty,
  at: Date,
  reason: string | null = null,
): BookingChange {
  return { booking: toEventBooking(booking), by, at, reason };
}

/**
 * Publishes the event of a committed state action: the cancellation carries its fee, an approved
 * move the times it left, a declined request the time that was asked for.
 */
export function publishAction(
  events: EventBus,
  action: SimpleBookingAction,
  booking: { before: BookingRecord; after: BookingRecord },
  by: BookingParty,
  at: Date,
  reason: string | undefined,
): void {
  const { before, after } = booking;
  const change = bookingChange(after, by, at, reason ?? null);
  // Withdrawn before it was paid: only its client knew of it, and nothing is to be refunded.
  if (action === 'cancel' && before.status === 'awaiting_payment') {
    events.publish('booking.hold_released', { ...change, outcome: 'withdrawn' });
    return;
  }
  switch (action) {
    case 'cancel': {
      const fee = after.cancellation?.fee ?? { amount: 0, currency: after.quote.currency };
      events.publish('booking.cancelled', { ...change, fee });
      return;
    }
    case 'approve_reschedule':
      events.publish('booking.rescheduled', {
        ...change,
        previousStart: before.start,
        previousEnd: before.end,
      });
      return;
    case 'decline_reschedule':
      events.publish('booking.reschedule_declined', {
        ...change,
        requestedStart: before.pendingReschedule?.start ?? before.start,
        requestedEnd: before.pendingReschedule?.end ?? before.end,
      });
      return;
    default:
      events.publish(EVENT_OF_ACTION[action], change);
  }
}
