import type { Money } from '@coachhub/shared/pricing';
import { DEFAULT_BOOKING_SETTINGS } from '@coachhub/shared/scheduling';
import type { BookingParty, BookingStatus, CancellationPolicy } from '@coachhub/shared/scheduling';

export interface FeePreviewInput {
  status: BookingStatus;
  /** ISO instant the session starts. */
  start: string;
  /**
   * The booking's fee clock: its earliest start, which the free window is measured from (moving
   * a booking later never moves it). `start` when absent.
   */
  feeClockStart?: string;
  /** What the booking was quoted at: the fee is a share of it, in its currency. */
  quoted: Money;
  /** The booking's policy (see {@link bookingPolicy}). */
  policy: CancellationPolicy;
  /** Who would cancel. */
  by: BookingParty;
  now: Date;
}

/** Why a cancellation costs what it costs; each has its own sentence in the UI. */
export type FeePreviewReason =
  'not_confirmed' | 'coach_cancels' | 'free_window' | 'late' | 'after_start';

export interface FeePreview {
  fee: Money;
  reason: FeePreviewReason;
  /** The last moment cancelling is free; null when the policy does not apply. */
  freeUntil: Date | null;
}

const HOUR_MS = 3_600_000;

/**
 * The policy a booking is held to, as the server decides it: the one stored with the booking; for
 * a booking from before policies were stored, the coach's current one capped at the default (at
 * most its free window and its fee share).
 */
export const bookingPolicy = (
  stored: CancellationPolicy | undefined,
  coachPolicyNow: CancellationPolicy,
): CancellationPolicy => {
  if (stored) return stored;
  const cap = DEFAULT_BOOKING_SETTINGS.cancellationPolicy;
  return {
    freeUntilHours: Math.min(coachPolicyNow.freeUntilHours, cap.freeUntilHours),
    feePercent: Math.min(coachPolicyNow.feePercent, cap.feePercent),
  };
};

/**
 * The fee the server will charge if the booking is cancelled now, shown before the user
 * confirms. Mirrors the server's rule: a booking not yet confirmed and a coach's cancellation
 * are free; otherwise cancelling is free until `freeUntilHours` before the fee clock's start (the
 * booking's earliest start; the boundary itself included), and later costs `feePercent` of the
 * quote, rounded half up to minor units.
 */
export const previewCancellationFee = (input: FeePreviewInput): FeePreview => {
  const { quoted, policy, now } = input;
  const free = (reason: FeePreviewReason, freeUntil: Date | null = null): FeePreview => ({
    fee: { amount: 0, currency: quoted.currency },
    reason,
    freeUntil,
  });
  if (input.status === 'pending') return free('not_confirmed');
  if (input.by === 'coach') return free('coach_cancels');

  const start = Date.parse(input.start);
  const clock = Date.parse(input.feeClockStart ?? input.start);
  const freeUntil = new Date(clock - Math.max(0, policy.freeUntilHours) * HOUR_MS);
  if (now.getTime() <= freeUntil.getTime()) return free('free_window', freeUntil);

  const percent = Math.min(100, Math.max(0, policy.feePercent));
  return {
    fee: {
      amount: Math.round((Math.max(0, quoted.amount) * percent) / 100),
      currency: quoted.currency,
    },
    reason: now.getTime() > start ? 'after_start' : 'late',
    freeUntil,
  };
};
