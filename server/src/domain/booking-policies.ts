import {
  DEFAULT_BOOKING_SETTINGS,
  type BookingStatus,
  type CancellationPolicy,
} from '@coachhub/shared/scheduling';
import { freeUntil } from './cancellation-fee.js';

/**
 * The rules that keep a booking's terms from being gamed after the fact: the cancellation policy
 * a booking is held to, the clock its fee window runs on, when a client may still move it, and
 * how many open requests a client may hold.
 */

/** Bookings made before policies were stored are held to at most this (24 hours, 50 %). */
export const UNSTORED_POLICY_CAP: CancellationPolicy = DEFAULT_BOOKING_SETTINGS.cancellationPolicy;

/**
 * The policy a booking is held to: the one stored with it when it was made. A booking from
 * before policies were stored falls back to the coach's current policy, but never stricter than
 * {@link UNSTORED_POLICY_CAP} (shorter or equal fee window, lower or equal fee), so a coach who
 * tightens the policy later cannot raise the fee of such a booking beyond the default either.
 */
export function bookingCancellationPolicy(
  stored: CancellationPolicy | null | undefined,
  coachPolicyNow: CancellationPolicy,
): CancellationPolicy {
  if (stored) return { freeUntilHours: stored.freeUntilHours, feePercent: stored.feePercent };
  return {
    freeUntilHours: Math.min(coachPolicyNow.freeUntilHours, UNSTORED_POLICY_CAP.freeUntilHours),
    feePercent: Math.min(coachPolicyNow.feePercent, UNSTORED_POLICY_CAP.feePercent),
  };
}

export interface FeeClockSource {
  start: Date;
  /** Stored since fee clocks exist; older bookings derive it from their history. */
  feeClockStart?: Date | null;
  history?: readonly { previousStart?: Date | null }[];
}

/**
 * Where the booking's cancellation-fee window is measured from: the earliest start it ever had.
 * Stored on the booking; a booking from before it was stored derives it from its current start
 * and the previous starts its reschedules recorded, which gives the same instant.
 */
export function feeClockStart(booking: FeeClockSource): Date {
  const starts = [booking.start, ...(booking.feeClockStart ? [booking.feeClockStart] : [])];
  for (const entry of booking.history ?? []) {
    if (entry.previousStart) starts.push(entry.previousStart);
  }
  return new Date(Math.min(...starts.map((start) => start.getTime())));
}

/** The fee clock after a move to `newStart`: it may move earlier, never later. */
export function feeClockAfterMove(booking: FeeClockSource, newStart: Date): Date {
  return new Date(Math.min(feeClockStart(booking).getTime(), newStart.getTime()));
}

/**
 * The last instant a client may still move a booking themself: the end of its free-cancellation
 * window. Inside the window a move would let the client cancel the moved booking for free, so it
 * is refused (409 RESCHEDULE_IN_FEE_WINDOW). null when nothing is to dodge: a still-pending
 * request (it cancels free anyway) or a policy without a fee.
 */
export function clientRescheduleDeadline(
  status: BookingStatus,
  policy: CancellationPolicy,
  clockStart: Date,
): Date | null {
  if (status !== 'confirmed' || policy.feePercent <= 0) return null;
  return new Date(freeUntil(clockStart, policy.freeUntilHours));
}

/** How many pending requests a client may hold at once. */
export interface PendingRequestLimits {
  perCoach: number;
  total: number;
}

export const DEFAULT_PENDING_REQUEST_LIMITS: PendingRequestLimits = { perCoach: 3, total: 10 };

/**
 * Whether one more pending request would exceed a limit, given the client's pending requests
 * now: `per_coach` with this coach, `total` across all coaches, or null when it fits.
 */
export function pendingRequestLimitHit(
  pending: { withCoach: number; total: number },
  limits: PendingRequestLimits,
): 'per_coach' | 'total' | null {
  if (pending.withCoach + 1 > limits.perCoach) return 'per_coach';
  if (pending.total + 1 > limits.total) return 'total';
  return null;
}
