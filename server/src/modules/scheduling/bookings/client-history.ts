import type { ClientSession } from 'mongoose';
import { Booking } from './booking.model.js';

/** The statuses that count as sessions a client "has" with a coach for discounts. */
export const HISTORY_STATUSES = ['completed', 'pending', 'confirmed'] as const;

/**
 * How many sessions this client already has with this coach (completed, pending or confirmed),
 * for the first-session and volume discounts of a quote.
 */
export async function completedOrActiveSessions(
  clientId: string,
  coachId: string,
  session?: ClientSession,
): Promise<number> {
  return Booking.countDocuments({
    client: clientId,
    coach: coachId,
    status: { $in: HISTORY_STATUSES },
  }).session(session ?? null);
}
