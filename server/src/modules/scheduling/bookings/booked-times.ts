import { ACTIVE_BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import type { ClientSession, Types } from 'mongoose';
import type { BookedTime } from '../../../domain/slots.js';
import { Booking } from './booking.model.js';

export interface BookedTimeQuery {
  /** Whose active bookings: as the coach, or as the participant on either side. */
  as: 'coach' | 'participant';
  userId: string;
  from: Date;
  to: Date;
  /** Left out (a booking being rescheduled does not conflict with itself). */
  exclude?: Types.ObjectId | string;
  session?: ClientSession;
}

/** Active (pending or confirmed) bookings overlapping [from, to), as plain times. */
export async function activeBookedTimes(query: BookedTimeQuery): Promise<BookedTime[]> {
  const sides = query.as === 'coach' ? (['coach'] as const) : (['coach', 'client'] as const);
  const found: BookedTime[] = [];
  // One query per side rather than an `$or`: each is served by its { side, status } index.
  // One after the other: a transaction's session runs one operation at a time.
  for (const side of sides) {
    const bookings = await Booking.find({
      [side]: query.userId,
      status: { $in: ACTIVE_BOOKING_STATUSES },
      start: { $lt: query.to },
      end: { $gt: query.from },
      ...(query.exclude ? { _id: { $ne: query.exclude } } : {}),
    })
      .select('start end')
      .session(query.session ?? null)
      .lean();
    for (const booking of bookings) found.push({ start: booking.start, end: booking.end });
  }
  return found;
}

/** A coach's active bookings overlapping [from, to): what slots are computed around. */
export function coachBookedTimes(coachId: string, from: Date, to: Date): Promise<BookedTime[]> {
  return activeBookedTimes({ as: 'coach', userId: coachId, from, to });
}
