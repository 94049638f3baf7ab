import { isValidObjectId } from 'mongoose';
import { Booking } from './booking.model.js';

/** The session titles of these bookings (as booked), by booking id; unknown ids are left out. */
export async function bookingTitles(bookingIds: readonly string[]): Promise<Map<string, string>> {
  const ids = bookingIds.filter((id) => isValidObjectId(id));
  if (ids.length === 0) return new Map();
  const bookings = await Booking.find({ _id: { $in: ids } })
    .select('sessionTypeSnapshot.title')
    .lean();
  return new Map(bookings.map((b) => [b._id.toString(), b.sessionTypeSnapshot.title]));
}
