import type { Discount } from '@coachhub/shared/pricing';
import { describe, expect, it } from 'vitest';
import {
  applyConfigChange,
  NEW_CLIENT,
  priceFrom,
  quotePrice,
  sessionPrice,
  type PricingRules,
  type QuoteRequest,
} from './pricing.js';

const DAY_MS = 86_400_000;
const now = new Date('2026-06-01T10:00:00Z');

const rules = (change: Partial<PricingRules> = {}): PricingRules => ({
  currency: 'EUR',
  baseHourlyRate: 8000,
  sessionTypeRates: [],
  discounts: [],
  ...change,
});

const hour = { _id: 'type-60', durationMinutes: 60, title: 'Coaching, 60 min' };

const firstSession = (percent: number, active = true): Discount => ({
  _id: `first-${percent}`,
  kind: 'first_session',
  label: 'Welcome',
  percent,
  active,
});
const volume = (minSessions: number, percent: number): Discount => ({
  _id: `volume-${minSessions}`,
  kind: 'volume',
  label: `${minSessions}+ sessions`,
  minSessions,
  percent,
  active: true,
});
const earlyBooking = (minDaysAhead: number, percent: number): Discount => ({
  _id: `early-${minDaysAhead}`,
  kind: 'early_booking',
  label: 'Early bird',
  minDaysAhead,
  percent,
  active: true,
});

function quote(
  change: Partial<QuoteRequest> & {
    discounts?: Discount[];
    history?: number;
    daysAhead?: number;
  } = {},
) {
  const { discounts = [], history = 3, daysAhead = 1, ...rest } = change;
  return quotePrice({
    config: rules({ discounts }),
    sessionType: hour,
    start: new Date(now.getTime() + daysAhead * DAY_MS),
    now,
    clientHistory: { completedSessions: history, hasSessions: history > 0 },
    ...rest,
  });
}

const sumOfLines = (lines: { amount: number }[]) =>
  lines.reduce((sum, line) => sum + line.amount, 0);

describe('sessionPrice', () => {
  it.each([
    [60, 8000, 8000],
    [45, 8000, 6000],
    [90, 8000, 12000],
    [50, 8000, 6667],
    [50, 3333, 2778],
    [20, 100, 33],
  ])(
    'charges %i minutes at %i an hour as %i minor units, rounded half up',
    (minutes, hourly, price) => {
      expect(
        sessionPrice(rules({ baseHourlyRate: hourly }), { _id: 'x', durationMinutes: minutes }),
      ).toBe(price);
    },
  );

  it("uses the session type's own rate when there is one, whatever its duration", () => {
    const config = rules({
      sessionTypeRates: [
        { sessionTypeId: 'type-60', rate: 9900 },
        { sessionTypeId: 'other', rate: 100 },
      ],
    });
    expect(sessionPrice(config, hour)).toBe(9900);
    expect(sessionPrice(config, { _id: 'type-30', durationMinutes: 30 })).toBe(4000);
  });

  it('never goes below 0, even from a broken rate', () => {
    expect(sessionPrice(rules({ baseHourlyRate: -100 }), hour)).toBe(0);
  });
});

describe('quotePrice', () => {
  it('quotes the base price alone without discounts', () => {
    expect(quote()).toEqual({
      amount: 8000,
      currency: 'EUR',
      lines: [{ kind: 'base', label: 'Coaching, 60 min', amount: 8000 }],
      history: { completedSessions: 3, firstSession: false },
    });
  });

  it('quotes in the currency of the configuration', () => {
    const quoted = quotePrice({
      config: rules({ currency: 'CHF' }),
      sessionType: hour,
      start: now,
      now,
      clientHistory: NEW_CLIENT,
    });
    expect(quoted.currency).toBe('CHF');
  });

  describe('first session', () => {
    it('applies when the client has no session with this coach yet', () => {
      expect(quote({ discounts: [firstSession(25)], history: 0 }).lines).toEqual([
        { kind: 'base', label: 'Coaching, 60 min', amount: 8000 },
        { kind: 'first_session', label: 'Welcome', amount: -2000, discountId: 'first-25' },
      ]);
    });

    it('does not apply from the second session on', () => {
      expect(quote({ discounts: [firstSession(25)], history: 1 }).amount).toBe(8000);
    });

    it('does not apply when inactive', () => {
      expect(quote({ discounts: [firstSession(25, false)], history: 0 }).amount).toBe(8000);
    });

    it('does not apply while the client has a planned session (nothing completed yet)', () => {
      const quoted = quote({
        discounts: [firstSession(25)],
        clientHistory: { completedSessions: 0, hasSessions: true },
      });
      expect(quoted.amount).toBe(8000);
      expect(quoted.history).toEqual({ completedSessions: 0, firstSession: false });
    });
  });

  describe('volume', () => {
    it('applies from minSessions prior sessions on', () => {
      expect(quote({ discounts: [volume(5, 10)], history: 4 }).amount).toBe(8000);
      expect(quote({ discounts: [volume(5, 10)], history: 5 }).amount).toBe(7200);
      expect(quote({ discounts: [volume(5, 10)], history: 12 }).amount).toBe(7200);
    });

    it('counts completed sessions only: planned ones do not unlock it', () => {
      const quoted = quote({
        discounts: [volume(5, 10)],
        clientHistory: { completedSessions: 4, hasSessions: true },
      });
      expect(quoted.amount).toBe(8000);
      expect(quoted.history).toEqual({ completedSessions: 4, firstSession: false });
    });

    it('takes only the best tier the client reached', () => {
      const tiers = [volume(5, 10), volume(10, 15), volume(20, 25)];
      expect(quote({ discounts: tiers, history: 12 }).lines.slice(1)).toEqual([
        { kind: 'volume', label: '10+ sessions', amount: -1200, discountId: 'volume-10' },
      ]);
    });
  });

  describe('early booking', () => {
    it('applies when the start is at least minDaysAhead days away, boundary included', () => {
      const start = new Date(now.getTime() + 14 * DAY_MS);
      expect(quote({ discounts: [earlyBooking(14, 5)], start }).amount).toBe(7600);
      expect(
        quote({ discounts: [earlyBooking(14, 5)], start: new Date(start.getTime() - 1) }).amount,
      ).toBe(8000);
    });

    it('does not apply to a start in the past', () => {
      expect(quote({ discounts: [earlyBooking(0, 5)], daysAhead: -1 }).amount).toBe(8000);
    });
  });

  describe('stacking', () => {
    it('applies kinds one after another on what remains (10 % then 20 % is 28 %)', () => {
      const quoted = quote({
        discounts: [earlyBooking(7, 20), firstSession(10)],
        history: 0,
        daysAhead: 30,
      });
      expect(quoted.lines.map((line) => [line.kind, line.amount])).toEqual([
        ['base', 8000],
        ['first_session', -800],
        ['early_booking', -1440],
      ]);
      expect(quoted.amount).toBe(5760);
    });

    it('stacks volume with early booking', () => {
      const quoted = quote({
        discounts: [volume(3, 10), earlyBooking(7, 10)],
        history: 3,
        daysAhead: 7,
      });
      expect(quoted.amount).toBe(6480);
    });

    it('never quotes below 0 and leaves out discounts with nothing left to take', () => {
      const quoted = quote({ discounts: [firstSession(100), earlyBooking(1, 50)], history: 0 });
      expect(quoted.amount).toBe(0);
      expect(quoted.lines.map((line) => line.kind)).toEqual(['base', 'first_session']);
    });

    it('caps a broken percentage at the whole price', () => {
      const quoted = quote({ discounts: [firstSession(150)], history: 0 });
      expect(quoted.amount).toBe(0);
      expect(quoted.lines.at(-1)?.amount).toBe(-8000);
    });

    it('ignores a negative percentage', () => {
      expect(quote({ discounts: [firstSession(-10)], history: 0 }).lines).toHaveLength(1);
    });
  });

  it('rounds each discount half up to minor units', () => {
    const rounded = (rate: number, percent: number) =>
      quotePrice({
        config: rules({
          sessionTypeRates: [{ sessionTypeId: hour._id, rate }],
          discounts: [firstSession(percent)],
        }),
        sessionType: hour,
        start: now,
        now,
        clientHistory: NEW_CLIENT,
      }).lines[1]?.amount;
    expect(rounded(6670, 15)).toBe(-1001); // 1000.5
    expect(rounded(6669, 15)).toBe(-1000); // 1000.35
    expect(rounded(3, 50)).toBe(-2); // 1.5
  });

  it.each([
    [[firstSession(33), earlyBooking(1, 17)], 0],
    [[volume(1, 12), earlyBooking(1, 7)], 4],
    [[firstSession(99), volume(0, 99), earlyBooking(0, 99)], 0],
  ])('lines always add up to the amount (%#)', (discounts, history) => {
    const quoted = quote({ discounts, history, daysAhead: 3 });
    expect(sumOfLines(quoted.lines)).toBe(quoted.amount);
    expect(quoted.amount).toBeGreaterThanOrEqual(0);
  });
});

describe('priceFrom', () => {
  const types = [
    { _id: 'a', durationMinutes: 60, title: 'Hour' },
    { _id: 'b', durationMinutes: 30, title: 'Half hour' },
    { _id: 'c', durationMinutes: 15, title: 'Intro', active: false },
  ];

  it('is the lowest undiscounted price of the active session types', () => {
    expect(priceFrom(rules({ discounts: [firstSession(50)] }), types)).toBe(4000);
  });

  it('uses session type rates where set', () => {
    expect(
      priceFrom(rules({ sessionTypeRates: [{ sessionTypeId: 'a', rate: 3500 }] }), types),
    ).toBe(3500);
  });

  it('is null without an active session type', () => {
    expect(priceFrom(rules(), [])).toBeNull();
    expect(
      priceFrom(rules(), [{ _id: 'c', durationMinutes: 15, title: 'Intro', active: false }]),
    ).toBeNull();
  });
});

describe('applyConfigChange', () => {
  it('bumps the version and records when, leaving the rest and the input alone', () => {
    const config = {
      ...rules(),
      metadata: { version: 4, lastCalculation: new Date('2026-01-01T00:00:00Z') },
    };
    const changed = applyConfigChange(config, now);
    expect(changed).toEqual({ ...rules(), metadata: { version: 5, lastCalculation: now } });
    expect(config.metadata.version).toBe(4);
  });
});
