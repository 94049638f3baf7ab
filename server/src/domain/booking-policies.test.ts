import { describe, expect, it } from 'vitest';
import {
  bookingCancellationPolicy,
  clientRescheduleDeadline,
  DEFAULT_PENDING_REQUEST_LIMITS,
  feeClockAfterMove,
  feeClockStart,
  pendingRequestLimitHit,
  UNSTORED_POLICY_CAP,
} from './booking-policies.js';

const HOUR_MS = 3_600_000;
const start = new Date('2026-06-15T10:00:00Z');
const hours = (n: number) => new Date(start.getTime() + n * HOUR_MS);

describe('bookingCancellationPolicy', () => {
  it('is the stored policy, whatever the coach has now', () => {
    const stored = { freeUntilHours: 24, feePercent: 50 };
    expect(bookingCancellationPolicy(stored, { freeUntilHours: 168, feePercent: 100 })).toEqual(
      stored,
    );
  });

  it("falls back to the coach's current policy for a booking without one, capped at the default", () => {
    expect(UNSTORED_POLICY_CAP).toEqual({ freeUntilHours: 24, feePercent: 50 });
    expect(bookingCancellationPolicy(undefined, { freeUntilHours: 168, feePercent: 100 })).toEqual({
      freeUntilHours: 24,
      feePercent: 50,
    });
    expect(bookingCancellationPolicy(null, { freeUntilHours: 12, feePercent: 20 })).toEqual({
      freeUntilHours: 12,
      feePercent: 20,
    });
  });
});

describe('feeClockStart', () => {
  it('is the start of a booking that never moved', () => {
    expect(feeClockStart({ start })).toEqual(start);
  });

  it('is the stored clock when there is one', () => {
    expect(feeClockStart({ start: hours(100), feeClockStart: start })).toEqual(start);
  });

  it('derives the earliest start from the history of an older booking', () => {
    const booking = {
      start: hours(144),
      history: [
        {},
        { previousStart: hours(48) },
        { previousStart: start },
        { previousStart: null },
      ],
    };
    expect(feeClockStart(booking)).toEqual(start);
  });

  it('moves earlier with a move to an earlier start, never later', () => {
    expect(feeClockAfterMove({ start, feeClockStart: start }, hours(144))).toEqual(start);
    expect(feeClockAfterMove({ start, feeClockStart: start }, hours(-5))).toEqual(hours(-5));
  });
});

describe('clientRescheduleDeadline', () => {
  const policy = { freeUntilHours: 24, feePercent: 50 };

  it('is the end of the free-cancellation window of a confirmed booking', () => {
    expect(clientRescheduleDeadline('confirmed', policy, start)).toEqual(hours(-24));
  });

  it('is null where no fee could be dodged: a pending request or a policy without a fee', () => {
    expect(clientRescheduleDeadline('pending', policy, start)).toBeNull();
    expect(
      clientRescheduleDeadline('confirmed', { freeUntilHours: 24, feePercent: 0 }, start),
    ).toBeNull();
  });
});

describe('pendingRequestLimitHit', () => {
  const limits = DEFAULT_PENDING_REQUEST_LIMITS;

  it('defaults to 3 per coach and 10 in total', () => {
    expect(limits).toEqual({ perCoach: 3, total: 10 });
  });

  it('lets a request in while both counts stay within their limits', () => {
    expect(pendingRequestLimitHit({ withCoach: 0, total: 0 }, limits)).toBeNull();
    expect(pendingRequestLimitHit({ withCoach: 2, total: 9 }, limits)).toBeNull();
  });

  it('names the limit one more request would exceed, the coach first', () => {
    expect(pendingRequestLimitHit({ withCoach: 3, total: 3 }, limits)).toBe('per_coach');
    expect(pendingRequestLimitHit({ withCoach: 3, total: 10 }, limits)).toBe('per_coach');
    expect(pendingRequestLimitHit({ withCoach: 0, total: 10 }, limits)).toBe('total');
  });
});
