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
  /**
   * `booked`: the bookings' own times; `held`: the times held by clients' requests to move a
   * booking (`pendingReschedule`); `both` (the default). Each kind is one query per side.
   */
  times?: 'booked' | 'held' | 'both';
}

/**
 * Active (pending or confirmed) bookings overlapping [from, to), as plain times, plus the times
 * held by clients' requests to move a booking (`pendingReschedule`): until the coach answers,
 * a booking holds both its own time and the one asked for.
 */
export async function activeBookedTimes(query: BookedTimeQuery): Promise<BookedTime[]> {
  const sides = query.as === 'coach' ? (['coach'] as const) : (['coach', 'client'] as const);
  const times = query.times ?? 'both';
  const found: BookedTime[] = [];
  // One query per side and kind of time rather than an `$or`: each pins its { side, status }
  // index by equality, which the embedded engine needs to use it (an `$or` makes it scan and
  // slows racing transactions down). One after the other: a transaction's session runs one
  // operation at a time.
  for (const side of sides) {
    const active = {
      [side]: query.userId,
      status: { $in: ACTIVE_BOOKING_STATUSES },
      ...(query.exclude ? { _id: { $ne: query.exclude } } : {}),
    };
    if (times !== 'held') {
      const bookings = await Booking.find({
        ...active,
        start: { $lt: query.to },
        end: { $gt: query.from },
      })
        .select('start end')
        .session(query.session ?? null)
        .lean();
      for (const { start, end } of bookings) found.push({ start, end });
    }
    if (times !== 'booked') {
      const requested = await Booking.find({
        ...active,
        'pendingReschedule.start': { $lt: query.to },
        'pendingReschedule.end': { $gt: query.from },
      })
        .select('pendingReschedule')
        .session(query.session ?? null)
        .lean();
      for (const { pendingReschedule: held } of requested) {
        if (held) found.push({ start: held.start, end: held.end });
      }
    }
  }
  return found;
}

/** A coach's active bookings overlapping [from, to): what slots are computed around. */
export function coachBookedTimes(coachId: string, from: Date, to: Date): Promise<BookedTime[]> {
  return activeBookedTimes({ as: 'coach', userId: coachId, from, to });
}
