import type { CancellationPolicy } from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cancellationFee, freeUntil, type CancellationRequest } from './cancellation-fee.js';

const HOUR_MS = 3_600_000;
const start = new Date('2026-06-15T10:00:00Z');
const policy: CancellationPolicy = { freeUntilHours: 24, feePercent: 50 };
const hoursBefore = (hours: number) => new Date(start.getTime() - hours * HOUR_MS);

function fee(change: Partial<CancellationRequest> = {}) {
  return cancellationFee({
    policy,
    quoted: { amount: 8000, currency: 'EUR' },
    start,
    cancelledAt: hoursBefore(48),
    cancelledBy: 'client',
    ...change,
  });
}

describe('cancellationFee', () => {
  it('is free well before the free window closes', () => {
    expect(fee()).toEqual({ amount: 0, currency: 'EUR', reason: 'free_window' });
  });

  it('is still free exactly at the boundary', () => {
    expect(fee({ cancelledAt: hoursBefore(24) })).toEqual({
      amount: 0,
      currency: 'EUR',
      reason: 'free_window',
    });
  });

  it('charges the policy share one millisecond after the boundary', () => {
    const cancelledAt = new Date(hoursBefore(24).getTime() + 1);
    expect(fee({ cancelledAt })).toEqual({ amount: 4000, currency: 'EUR', reason: 'late' });
  });

  it('charges the policy share right before the start', () => {
    expect(fee({ cancelledAt: hoursBefore(0.5) }).amount).toBe(4000);
  });

  it('charges the full policy fee after the start, even without a free window', () => {
    const afterStart = new Date(start.getTime() + 10 * 60_000);
    expect(fee({ cancelledAt: afterStart })).toEqual({
      amount: 4000,
      currency: 'EUR',
      reason: 'after_start',
    });
    expect(
      fee({ cancelledAt: afterStart, policy: { freeUntilHours: 0, feePercent: 50 } }).reason,
    ).toBe('after_start');
  });

  it('measures the free window from the fee clock (the earliest start), not the current start', () => {
    // Booked for `start`, moved six days later: cancelling a day before the old start still costs.
    const moved = new Date(start.getTime() + 144 * HOUR_MS);
    expect(fee({ start: moved, feeClockStart: start, cancelledAt: hoursBefore(12) })).toEqual({
      amount: 4000,
      currency: 'EUR',
      reason: 'late',
    });
    expect(fee({ start: moved, feeClockStart: start, cancelledAt: hoursBefore(30) }).amount).toBe(
      0,
    );
    // Without a clock, the start is the clock.
    expect(fee({ start: moved, cancelledAt: hoursBefore(12) }).amount).toBe(0);
  });

  it('with no free window, is free up to the start itself', () => {
    const noWindow = { freeUntilHours: 0, feePercent: 100 };
    expect(fee({ policy: noWindow, cancelledAt: start }).amount).toBe(0);
    expect(fee({ policy: noWindow, cancelledAt: new Date(start.getTime() + 1) }).amount).toBe(8000);
  });

  it('never charges the client when the coach cancels, even after the start', () => {
    expect(fee({ cancelledBy: 'coach', cancelledAt: hoursBefore(1) })).toEqual({
      amount: 0,
      currency: 'EUR',
      reason: 'coach_cancelled',
    });
    expect(
      fee({ cancelledBy: 'coach', cancelledAt: new Date(start.getTime() + HOUR_MS) }).amount,
    ).toBe(0);
  });

  it.each([
    [8000, 0, 0],
    [8000, 100, 8000],
    [8001, 50, 4001],
    [6667, 15, 1000],
    [6670, 15, 1001],
    [1, 50, 1],
  ])('charges %i minor units at %i %% as %i, rounded half up', (amount, feePercent, expected) => {
    const late = fee({
      quoted: { amount, currency: 'USD' },
      policy: { freeUntilHours: 24, feePercent },
      cancelledAt: hoursBefore(1),
    });
    expect(late).toEqual({ amount: expected, currency: 'USD', reason: 'late' });
  });

  it('keeps a broken percentage within 0-100 % of the quote', () => {
    const late = (feePercent: number) =>
      fee({ policy: { freeUntilHours: 24, feePercent }, cancelledAt: hoursBefore(1) }).amount;
    expect(late(150)).toBe(8000);
    expect(late(-20)).toBe(0);
  });

  it('charges nothing on a free booking', () => {
    expect(
      fee({ quoted: { amount: 0, currency: 'EUR' }, cancelledAt: hoursBefore(1) }).amount,
    ).toBe(0);
  });

  it('is free for a still-pending request, however late and whoever cancels', () => {
    for (const cancelledBy of ['client', 'coach'] as const) {
      expect(fee({ status: 'pending', cancelledBy, cancelledAt: hoursBefore(1) })).toEqual({
        amount: 0,
        currency: 'EUR',
        reason: 'pending_request',
      });
    }
  });

  it('is free for a booking withdrawn before it was paid for, however late', () => {
    expect(fee({ status: 'awaiting_payment', cancelledAt: hoursBefore(1) })).toEqual({
      amount: 0,
      currency: 'EUR',
      reason: 'unpaid',
    });
  });

  it('charges a confirmed booking cancelled late by the client', () => {
    expect(fee({ status: 'confirmed', cancelledAt: hoursBefore(1) })).toEqual({
      amount: 4000,
      currency: 'EUR',
      reason: 'late',
    });
  });
});

describe('freeUntil', () => {
  it('is the start less the hours of elapsed time, as Luxon counted them, across DST changes', () => {
    const starts = [
      start,
      new Date('2026-03-29T01:30:00Z'),
      new Date('2026-10-25T00:30:00Z'),
      new Date('2026-11-01T06:15:00Z'),
      new Date('2030-01-01T00:00:00.123Z'),
    ];
    for (const at of starts) {
      for (const hours of [0, 1, 2, 12, 24, 25, 48, 168, 1.5, -3]) {
        const luxon = DateTime.fromJSDate(at, { zone: 'Europe/Berlin' })
          .minus({ hours: Math.max(0, hours) })
          .toMillis();
        expect([at, hours, freeUntil(at, hours)]).toEqual([at, hours, luxon]);
      }
    }
  });
});
