import type { ClientSession } from 'mongoose';
import { Booking, type BookingFields } from './booking.model.js';

/**
 * Bookings brought in whole, with their own history and timestamps (the demo data's past and
 * future sessions), bypassing the booking rules on purpose: the caller holds the schedule
 * locks of everyone involved.
 */
export async function importBookings(
  records: readonly Partial<BookingFields>[],
  session: ClientSession,
): Promise<void> {
  await Booking.insertMany(records, { session, timestamps: false });
}

/** Whether any of these coaches has a booking with any of these clients. */
export async function anyBookingBetween(
  coachIds: readonly string[],
  clientIds: readonly string[],
  session?: ClientSession,
): Promise<boolean> {
  const found = await Booking.exists({
    coach: { $in: coachIds },
    client: { $in: clientIds },
  }).session(session ?? null);
  return found !== null;
}
export type { BookingFields, StoredHistoryEntry } from './booking.model.js';
