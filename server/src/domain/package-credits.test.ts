import { describe, expect, it } from 'vitest';
import {
  coversSessionType,
  creditOutcome,
  creditsExpireAt,
  creditToUse,
  mayUseCredit,
  purchaseStatusAt,
  type CreditCandidate,
} from './package-credits.js';

const now = new Date('2026-06-15T10:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const booking = { coachId: 'coach-1', sessionTypeId: 'type-a' };

function purchase(change: Partial<CreditCandidate & { id: string }> = {}) {
  return {
    id: 'p',
    coachId: 'coach-1',
    sessionTypeIds: [],
    remaining: 3,
    status: 'active' as const,
    expiresAt: inDays(30),
    ...change,
  };
}

describe('creditsExpireAt', () => {
  it('counts whole days from the payment', () => {
    expect(creditsExpireAt(now, 90).toISOString()).toBe('2026-09-13T10:00:00.000Z');
  });
});

describe('purchaseStatusAt', () => {
  it('shows an active purchase past its expiry as expired, at the instant itself too', () => {
    expect(purchaseStatusAt({ status: 'active', expiresAt: inDays(1) }, now)).toBe('active');
    expect(purchaseStatusAt({ status: 'active', expiresAt: now }, now)).toBe('expired');
    expect(purchaseStatusAt({ status: 'active', expiresAt: inDays(-1) }, now)).toBe('expired');
  });

  it('keeps every other status as stored', () => {
    expect(purchaseStatusAt({ status: 'awaiting_payment', expiresAt: null }, now)).toBe(
      'awaiting_payment',
    );
    expect(purchaseStatusAt({ status: 'not_paid', expiresAt: null }, now)).toBe('not_paid');
    expect(purchaseStatusAt({ status: 'refunded', expiresAt: inDays(-5) }, now)).toBe('refunded');
  });
});

describe('which credit a booking may use', () => {
  it('reads an empty list of session types as every type of the coach', () => {
    expect(coversSessionType([], 'type-a')).toBe(true);
    expect(coversSessionType(['type-a'], 'type-a')).toBe(true);
    expect(coversSessionType(['type-b'], 'type-a')).toBe(false);
  });

  it('needs the same coach, a covered type, an active unexpired purchase and a credit left', () => {
    expect(mayUseCredit(purchase(), booking, now)).toBe(true);
    expect(mayUseCredit(purchase({ coachId: 'coach-2' }), booking, now)).toBe(false);
    expect(mayUseCredit(purchase({ sessionTypeIds: ['type-b'] }), booking, now)).toBe(false);
    expect(mayUseCredit(purchase({ remaining: 0 }), booking, now)).toBe(false);
    expect(mayUseCredit(purchase({ expiresAt: inDays(-1) }), booking, now)).toBe(false);
    expect(mayUseCredit(purchase({ status: 'awaiting_payment' }), booking, now)).toBe(false);
  });

  it('takes the purchase whose credits lapse first', () => {
    const chosen = creditToUse(
      [
        purchase({ id: 'late', expiresAt: inDays(60) }),
        purchase({ id: 'spent', expiresAt: inDays(2), remaining: 0 }),
        purchase({ id: 'soon', expiresAt: inDays(10) }),
        purchase({ id: 'other type', expiresAt: inDays(1), sessionTypeIds: ['type-b'] }),
      ],
      booking,
      now,
    );
    expect(chosen?.id).toBe('soon');
    expect(creditToUse([purchase({ remaining: 0 })], booking, now)).toBeNull();
  });
});

describe('creditOutcome', () => {
  it('returns the credit when the booking ends free', () => {
    expect(creditOutcome({ kind: 'declined' })).toBe('return');
    expect(creditOutcome({ kind: 'cancelled', by: 'coach', feeAmount: 0 })).toBe('return');
    expect(creditOutcome({ kind: 'cancelled', by: 'client', feeAmount: 0 })).toBe('return');
  });

  it('uses it up after a late cancellation, a no-show or the session', () => {
    expect(creditOutcome({ kind: 'cancelled', by: 'client', feeAmount: 4000 })).toBe('consume');
    expect(creditOutcome({ kind: 'no_show' })).toBe('consume');
    expect(creditOutcome({ kind: 'completed' })).toBe('consume');
  });
});
