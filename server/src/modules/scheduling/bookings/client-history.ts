import type { ClientSession } from 'mongoose';
import type { ClientHistory } from '../../../domain/pricing.js';
import { Booking } from './booking.model.js';

/** The only sessions a volume discount counts: ones that took place. */
export const VOLUME_STATUSES = ['completed'] as const;

/**
 * Sessions that make a client no longer new to a coach: ones that took place or were due to
 * (completed, no-show) and ones still planned (pending, confirmed). Declined and cancelled
 * bookings do not count, so a client whose first request came to nothing is still new.
 */
export const FIRST_SESSION_BLOCKING_STATUSES = [
  'completed',
  'no_show',
  'pending',
  'confirmed',
] as const;

/**
 * This client's history with this coach, as the first-session and volume discounts of a quote
 * read it (domain/pricing.ts): completed sessions only for volume, so requests that are later
 * cancelled for free never unlock a discount.
 */
export async function clientHistoryWith(
  clientId: string,
  coachId: string,
  session?: ClientSession,
): Promise<ClientHistory> {
  const completedSessions = await Booking.countDocuments({
    client: clientId,
    coach: coachId,
    status: { $in: VOLUME_STATUSES },
  }).session(session ?? null);
  const anySession =
    completedSessions > 0 ||
    (await Booking.exists({
      client: clientId,
      coach: coachId,
      status: { $in: FIRST_SESSION_BLOCKING_STATUSES },
    }).session(session ?? null)) !== null;
  return { completedSessions, hasSessions: anySession };
}
