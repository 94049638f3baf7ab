import type { EventBus } from '../../core/events/event-bus.js';
import type { ConversationsService } from './conversations.service.js';

/** Every booking gets its conversation when it is created (a subscriber of `booking.created`). */
export function openConversationsForBookings(deps: {
  events: EventBus;
  conversations: ConversationsService;
}): () => void {
  return deps.events.subscribe('booking.created', 'booking conversations', ({ booking }) =>
    deps.conversations.openForNewBooking(booking.bookingId),
  );
}
