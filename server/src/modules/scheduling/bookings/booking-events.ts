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

/** Publishes the event of a committed state action (the cancellation carries its fee). */
export function publishAction(
  events: EventBus,
  action: SimpleBookingAction,
  booking: BookingRecord,
  by: BookingParty,
  at: Date,
  reason: string | undefined,
): void {
  const change = bookingChange(booking, by, at, reason ?? null);
  if (action === 'cancel') {
    const fee = booking.cancellation?.fee ?? { amount: 0, currency: booking.quote.currency };
    events.publish('booking.cancelled', { ...change, fee });
    return;
  }
  events.publish(EVENT_OF_ACTION[action], change);
}
