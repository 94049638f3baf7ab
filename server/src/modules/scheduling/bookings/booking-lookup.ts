import type { BookingEventBooking } from '../../../core/events/domain-events.js';
import { toEventBooking } from './booking-events.js';
import { Booking } from './booking.model.js';

/** Published read for the modules above: a booking as events carry it, or null. */
export async function findBookingSummary(bookingId: string): Promise<BookingEventBooking | null> {
  const booking = await Booking.findById(bookingId).lean();
  return booking ? toEventBooking(booking) : null;
}
