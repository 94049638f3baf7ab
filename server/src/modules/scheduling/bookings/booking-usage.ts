import { ACTIVE_BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import type { ClientSession } from 'mongoose';
import { Booking } from './booking.model.js';

/**
 * Whether the session type still has an active booking that has not ended: such a type may be
 * deactivated but not deleted. Injected into the session types module, which sits below.
 */
export async function hasUpcomingBookings(
  sessionTypeId: string,
  session: ClientSession,
): Promise<boolean> {
  const upcoming = await Booking.exists({
    sessionType: sessionTypeId,
    status: { $in: ACTIVE_BOOKING_STATUSES },
    end: { $gt: new Date() },
  }).session(session);
  return upcoming !== null;
}
