import type { ClientSession } from 'mongoose';
import { Booking, type BookingFields, type BookingRecord } from './booking.model.js';

/**
 * Bookings brought in whole, with their own history and timestamps (the demo data's past and
 * future sessions), bypassing the booking rules on purpose: the caller holds the schedule
 * locks of everyone involved. Written as given (`lean`: no casting, defaults or validation,
 * which made hundreds of demo bookings slow), so the caller passes complete documents.
 */
export async function importBookings(
  records: readonly Partial<BookingFields>[],
  session: ClientSession,
): Promise<void> {
  await Booking.insertMany(records, { session, timestamps: false, lean: true });
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

/** The completed sessions of these clients with the coach, oldest first (the demo reviews). */
export function completedBookingsBetween(
  coachId: string,
  clientIds: readonly string[],
  session: ClientSession,
): Promise<Pick<BookingRecord, '_id' | 'client' | 'end'>[]> {
  return Booking.find({ coach: coachId, client: { $in: clientIds }, status: 'completed' })
    .sort({ start: 1 })
    .select('client end')
    .session(session)
    .lean<Pick<BookingRecord, '_id' | 'client' | 'end'>[]>()
    .exec();
}

export type { BookingFields, StoredHistoryEntry } from './booking.model.js';
