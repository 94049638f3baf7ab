import type { AvailabilityDTO } from '@coachhub/shared/scheduling';
import type { ClientSession, Types } from 'mongoose';
import { AppError } from '../../../core/errors.js';
import {
  BOOKING_MARGIN_MS,
  conflictsWithBookings,
  isSlotOffered,
  type BookedTime,
} from '../../../domain/slots.js';
import { activeBookedTimes } from './booked-times.js';

export interface SlotRequest {
  coachId: string;
  clientId: string;
  start: Date;
  end: Date;
  durationMinutes: number;
  availability: AvailabilityDTO;
  now: Date;
  /** The transaction holding both schedule locks; absent for a pre-screen on committed data. */
  session?: ClientSession;
  /** The booking being rescheduled: it does not conflict with itself. */
  exclude?: Types.ObjectId;
  /**
   * A quick pre-screen of a create before it queues for the locks: it skips the times held by
   * reschedule requests (fewer queries on the busiest path); the check under the locks sees them.
   */
  quick?: boolean;
}

const unavailable = (message: string) => new AppError(409, 'SLOT_UNAVAILABLE', message);
const conflict = (message: string) => new AppError(409, 'BOOKING_CONFLICT', message);

/**
 * Can this time be booked? Authoritative inside the transaction that holds both schedule locks
 * (what it reads cannot change before the booking is written); without a session it is only a
 * pre-screen of committed data, which may refuse early but never admits. In this order:
 * 1. the slot is one the coach offers (availability, minimum notice, horizon): else
 *    409 SLOT_UNAVAILABLE;
 * 2. it overlaps none of the coach's active bookings, buffers included, nor any session the
 *    coach or the client attends (as coach or as client): else 409 BOOKING_CONFLICT;
 * 3. the coach's daily limit is not reached that day: else 409 SLOT_UNAVAILABLE.
 */
export async function assertBookable(request: SlotRequest): Promise<void> {
  const { availability, start, end, session, exclude } = request;
  const settings = availability.settings;
  const offer = {
    availability,
    settings,
    durationMinutes: request.durationMinutes,
    now: request.now,
  };
  if (!isSlotOffered({ ...offer, bookings: [] }, start)) {
    throw unavailable("This time is not among the coach's available slots");
  }
  const scope = { ...(exclude ? { exclude } : {}), ...(session ? { session } : {}) };
  // Bookings' own times first, then the times held by reschedule requests: most refusals (a
  // race for one slot) come from the first, so they cost no more queries than before.
  const kinds = request.quick ? (['booked'] as const) : (['booked', 'held'] as const);
  const coachBookings: BookedTime[] = [];
  for (const times of kinds) {
    coachBookings.push(
      ...(await activeBookedTimes({
        as: 'coach',
        userId: request.coachId,
        from: new Date(start.getTime() - BOOKING_MARGIN_MS),
        to: new Date(end.getTime() + BOOKING_MARGIN_MS),
        times,
        ...scope,
      })),
    );
    if (conflictsWithBookings({ start, end }, coachBookings, settings)) {
      throw conflict('The coach already has a booking at this time');
    }
  }
  for (const times of kinds) {
    for (const [userId, whose] of [
      [request.clientId, 'You already have'],
      [request.coachId, 'The coach already has'],
    ] as const) {
      const attending = await activeBookedTimes({
        as: 'participant',
        userId,
        from: start,
        to: end,
        times,
        ...scope,
      });
      if (attending.length > 0) throw conflict(`${whose} a session at this time`);
    }
  }
  if (!isSlotOffered({ ...offer, bookings: coachBookings }, start)) {
    throw unavailable('The coach takes no more bookings on this day');
  }
}
