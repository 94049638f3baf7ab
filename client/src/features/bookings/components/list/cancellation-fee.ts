import type { Money } from '@coachhub/shared/pricing';
import type { BookingParty, BookingStatus, CancellationPolicy } from '@coachhub/shared/scheduling';

export interface FeePreviewInput {
  status: BookingStatus;
  /** ISO instant the session starts. */
  start: string;
  /** What the booking was quoted at: the fee is a share of it, in its currency. */
  quoted: Money;
  /** The coach's policy, as `GET /availability/:coachId` answers it. */
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
 * The fee the server will charge if the booking is cancelled now, shown before the user
 * confirms. Mirrors the server's rule: a booking not yet confirmed and a coach's cancellation
 * are free; otherwise cancelling is free until `freeUntilHours` before the start (the boundary
 * itself included), and later costs `feePercent` of the quote, rounded half up to minor units.
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
  const freeUntil = new Date(start - Math.max(0, policy.freeUntilHours) * HOUR_MS);
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
