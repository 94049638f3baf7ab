import type { BookingStatus } from '@coachhub/shared/scheduling';
import type { ClientSession } from 'mongoose';
import { AppError } from '../../../core/errors.js';
import {
  pendingRequestLimitHit,
  type PendingRequestLimits,
} from '../../../domain/booking-policies.js';
import { Booking } from './booking.model.js';

/**
 * Refuses one more pending request when the client already holds the most allowed, with this
 * coach or in total: 409 TOO_MANY_PENDING_REQUESTS. Authoritative only inside the transaction
 * that holds the client's schedule lock (every create of this client bumps it), so parallel
 * requests are counted one after the other.
 */
export async function assertPendingRequestsFit(
  clientId: string,
  coachId: string,
  limits: PendingRequestLimits,
  session: ClientSession,
): Promise<void> {
  // A booking awaiting payment is a request in the making: it counts as one.
  const open = { $in: ['pending', 'awaiting_payment'] as BookingStatus[] };
  const total = await Booking.countDocuments({ client: clientId, status: open }).session(session);
  const withCoach =
    total === 0
      ? 0
      : await Booking.countDocuments({
          client: clientId,
          coach: coachId,
          status: open,
        }).session(session);
  const hit = pendingRequestLimitHit({ withCoach, total }, limits);
  if (!hit) return;
  const message =
    hit === 'per_coach'
      ? `You already have ${limits.perCoach} open requests with this coach; wait for an answer or withdraw one`
      : `You already have ${limits.total} open requests; wait for answers or withdraw one`;
  throw new AppError(409, 'TOO_MANY_PENDING_REQUESTS', message, {
    limit: hit,
    max: hit === 'per_coach' ? limits.perCoach : limits.total,
  });
}
