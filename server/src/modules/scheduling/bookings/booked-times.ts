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

/**
 * Active (pending or confirmed) bookings overlapping [from, to), as plain times, plus the times
 * held by clients' requests to move a booking (`pendingReschedule`): until the coach answers,
 * a booking holds both its own time and the one asked for.
 */
export async function activeBookedTimes(query: BookedTimeQuery): Promise<BookedTime[]> {
  const sides = query.as === 'coach' ? (['coach'] as const) : (['coach', 'client'] as const);
  const found: BookedTime[] = [];
  // One query per side and time rather than an `$or`: each is served by its { side, status }
  // index. One after the other: a transaction's session runs one operation at a time.
  for (const side of sides) {
    const base = {
      [side]: query.userId,
      status: { $in: ACTIVE_BOOKING_STATUSES },
      ...(query.exclude ? { _id: { $ne: query.exclude } } : {}),
    };
    const bookings = await Booking.find({
      ...base,
      start: { $lt: query.to },
      end: { $gt: query.from },
    })
      .select('start end')
      .session(query.session ?? null)
      .lean();
    for (const booking of bookings) found.push({ start: booking.start, end: booking.end });
    const requested = await Booking.find({
      ...base,
      'pendingReschedule.start': { $lt: query.to },
      'pendingReschedule.end': { $gt: query.from },
    })
      .select('pendingReschedule')
      .session(query.session ?? null)
      .lean();
    for (const { pendingReschedule } of requested) {
      if (pendingReschedule)
        found.push({ start: pendingReschedule.start, end: pendingReschedule.end });
    }
  }
  return found;
}

/** A coach's active bookings overlapping [from, to): what slots are computed around. */
export function coachBookedTimes(coachId: string, from: Date, to: Date): Promise<BookedTime[]> {
  return activeBookedTimes({ as: 'coach', userId: coachId, from, to });
}
