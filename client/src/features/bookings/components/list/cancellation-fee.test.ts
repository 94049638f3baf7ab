import type { CancellationPolicy } from '@coachhub/shared/scheduling';
import { describe, expect, it } from 'vitest';

import { bookingPolicy, previewCancellationFee } from './cancellation-fee';
import type { FeePreviewInput } from './cancellation-fee';

const policy: CancellationPolicy = { freeUntilHours: 24, feePercent: 50 };
const start = '2026-06-10T10:00:00.000Z';
const base: FeePreviewInput = {
  status: 'confirmed',
  start,
  quoted: { amount: 9000, currency: 'EUR' },
  policy,
  by: 'client',
  now: new Date('2026-06-01T10:00:00.000Z'),
};
const at = (iso: string) => new Date(iso);

describe('previewCancellationFee', () => {
  it('is free well before the start, and says until when', () => {
    expect(previewCancellationFee(base)).toEqual({
      fee: { amount: 0, currency: 'EUR' },
      reason: 'free_window',
      freeUntil: at('2026-06-09T10:00:00.000Z'),
    });
  });

  it('is still free at the exact boundary, and costs the percentage one millisecond later', () => {
    const boundary = previewCancellationFee({ ...base, now: at('2026-06-09T10:00:00.000Z') });
    expect(boundary.reason).toBe('free_window');
    const late = previewCancellationFee({ ...base, now: at('2026-06-09T10:00:00.001Z') });
    expect(late).toEqual({
      fee: { amount: 4500, currency: 'EUR' },
      reason: 'late',
      freeUntil: at('2026-06-09T10:00:00.000Z'),
    });
  });

  it('charges the policy fee in full once the session has started', () => {
    const preview = previewCancellationFee({ ...base, now: at('2026-06-10T10:30:00.000Z') });
    expect(preview.reason).toBe('after_start');
    expect(preview.fee.amount).toBe(4500);
  });

  it('rounds half up to whole minor units, in the currency of the quote', () => {
    const preview = previewCancellationFee({
      ...base,
      quoted: { amount: 4999, currency: 'CHF' },
      policy: { freeUntilHours: 48, feePercent: 50 },
      now: at('2026-06-09T12:00:00.000Z'),
    });
    expect(preview.fee).toEqual({ amount: 2500, currency: 'CHF' });
  });

  it('costs nothing for a booking the coach has not confirmed yet', () => {
    const preview = previewCancellationFee({
      ...base,
      status: 'pending',
      now: at('2026-06-10T09:00:00.000Z'),
    });
    expect(preview).toEqual({
      fee: { amount: 0, currency: 'EUR' },
      reason: 'not_confirmed',
      freeUntil: null,
    });
  });

  it('costs the client nothing when the coach cancels', () => {
    const preview = previewCancellationFee({
      ...base,
      by: 'coach',
      now: at('2026-06-10T09:00:00.000Z'),
    });
    expect(preview.reason).toBe('coach_cancels');
    expect(preview.fee.amount).toBe(0);
  });

  it('keeps the percentage within 0-100 and a zero-hour window free until the start', () => {
    const odd = { freeUntilHours: 0, feePercent: 150 };
    expect(
      previewCancellationFee({ ...base, policy: odd, now: at('2026-06-10T10:00:00.000Z') }).reason,
    ).toBe('free_window');
    expect(
      previewCancellationFee({ ...base, policy: odd, now: at('2026-06-10T10:00:01.000Z') }).fee
        .amount,
    ).toBe(9000);
  });
});

describe('the fee clock and the booking policy', () => {
  it('measures the free window from the earliest start the booking had', () => {
    // Booked for 10 June, moved to 16 June: a day before 10 June the fee already applies.
    const moved = previewCancellationFee({
      ...base,
      start: '2026-06-16T10:00:00.000Z',
      feeClockStart: start,
      now: at('2026-06-09T12:00:00.000Z'),
    });
    expect(moved).toMatchObject({ reason: 'late', fee: { amount: 4500 } });
  });

  it("keeps the stored policy; an older booking gets the coach's current one capped at 24 h / 50 %", () => {
    const strict: CancellationPolicy = { freeUntilHours: 168, feePercent: 100 };
    expect(bookingPolicy(policy, strict)).toEqual(policy);
    expect(bookingPolicy(undefined, strict)).toEqual({ freeUntilHours: 24, feePercent: 50 });
    expect(bookingPolicy(undefined, { freeUntilHours: 2, feePercent: 10 })).toEqual({
      freeUntilHours: 2,
      feePercent: 10,
    });
  });
});
