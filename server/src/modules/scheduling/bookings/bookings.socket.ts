import { BOOKING_UPDATE_EVENTS } from '../../../core/events/domain-events.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import type { Realtime } from '../../../core/socket/realtime.js';
import type { BookingPresenter } from './booking-presenter.js';
import { Booking } from './booking.model.js';

/**
 * The live side of bookings: after each committed change both participants get
 * `booking:created` or `booking:updated`, each with their own allowed actions. The booking is
 * read as it is now, so a client that hears of two quick changes ends on the latest state.
 */
export function announceBookingChanges(deps: {
  events: EventBus;
  presenter: BookingPresenter;
  realtime: Pick<Realtime, 'emitToUser'>;
}): () => void {
  async function announce(event: 'booking:created' | 'booking:updated', bookingId: string) {
    const booking = await Booking.findById(bookingId).lean();
    if (!booking) return;
    const views = await deps.presenter.forBothSides(booking);
    deps.realtime.emitToUser(booking.coach.toString(), event, { booking: views.coach });
    deps.realtime.emitToUser(booking.client.toString(), event, { booking: views.client });
  }

  const unsubscribes = [
    deps.events.subscribe('booking.created', 'booking sockets', ({ booking }) =>
      announce('booking:created', booking.bookingId),
    ),
    ...BOOKING_UPDATE_EVENTS.map((name) =>
      deps.events.subscribe(name, 'booking sockets', ({ booking }) =>
        announce('booking:updated', booking.bookingId),
      ),
    ),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
