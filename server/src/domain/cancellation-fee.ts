import type { Money } from '@coachhub/shared/pricing';
import type { BookingParty, BookingStatus, CancellationPolicy } from '@coachhub/shared/scheduling';

const HOUR_MS = 3_600_000;

export interface CancellationRequest {
  /** The booking's policy: the one it was made under (see {@link bookingCancellationPolicy}). */
  policy: CancellationPolicy;
  /** The amount the booking was quoted at; the fee is a share of it, in its currency. */
  quoted: Money;
  start: Date;
  /**
   * Where the free window is measured from: the earliest start the booking ever had
   * (domain/booking-policies.ts); `start` when absent. Moving a booking later never moves it.
   */
  feeClockStart?: Date;
  cancelledAt: Date;
  cancelledBy: BookingParty;
  /** The booking's status before cancelling; a `pending` request always cancels free. */
  status?: BookingStatus;
}

/** Why the fee is what it is, for the stored record and the message to the client. */
export type CancellationFeeReason =
  'pending_request' | 'unpaid' | 'coach_cancelled' | 'free_window' | 'late' | 'after_start';

export interface CancellationFee extends Money {
  reason: CancellationFeeReason;
}

/**
 * The fee the client owes for a cancellation. A still-`pending` request cancels free, whoever
 * cancels and however late: the coach never accepted it, so withdrawing it (or the coach letting
 * it go) costs nothing. Otherwise nothing when the coach cancels or when it comes at
 * least `freeUntilHours` before the fee clock's start (the booking's earliest start; the boundary
 * itself is still free); otherwise
 * `feePercent` of the quoted amount, rounded half up to minor units. Once the session has
 * started the policy fee applies in full, whatever the free window.
 */
export function cancellationFee(request: CancellationRequest): CancellationFee {
  const { policy, quoted } = request;
  const free = (reason: CancellationFeeReason): CancellationFee => ({
    amount: 0,
    currency: quoted.currency,
    reason,
  });
  if (request.status === 'pending') return free('pending_request');
  // Withdrawn before it was paid for: nothing was taken, and the coach never heard of it.
  if (request.status === 'awaiting_payment') return free('unpaid');
  if (request.cancelledBy === 'coach') return free('coach_cancelled');
  const cancelledAt = request.cancelledAt.getTime();
  const clock = request.feeClockStart ?? request.start;
  if (cancelledAt <= freeUntil(clock, policy.freeUntilHours)) return free('free_window');
  const percent = Math.min(100, Math.max(0, policy.feePercent));
  return {
    amount: Math.round((Math.max(0, quoted.amount) * percent) / 100),
    currency: quoted.currency,
    reason: cancelledAt > request.start.getTime() ? 'after_start' : 'late',
  };
}

/**
 * The last instant a cancellation is free: `hours` of elapsed time before the start (elapsed, so
 * no time zone is involved; every booking of a list asks, so no Luxon either).
 */
export function freeUntil(start: Date, hours: number): number {
  return start.getTime() - Math.max(0, hours) * HOUR_MS;
}
