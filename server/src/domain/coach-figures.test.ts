import { describe, expect, it } from 'vitest';
import {
  monthlyFigures,
  monthlyRatings,
  recentMonths,
  weekOf,
  type MonthlyAmounts,
} from './coach-figures.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('recentMonths', () => {
  it('lists twelve months oldest first, the current one last, in the zone', () => {
    const months = recentMonths('UTC', new Date('2026-03-15T12:00:00Z'), 12);
    expect(months.map((month) => month.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(iso(months[0]!.start)).toBe('2025-04-01T00:00:00.000Z');
    expect(iso(months[11]!.end)).toBe('2026-04-01T00:00:00.000Z');
  });

  it('reads the month in the coach’s zone: 23:30 UTC on Jan 31 is February in Berlin', () => {
    const now = new Date('2026-01-31T23:30:00Z');
    expect(recentMonths('Europe/Berlin', now, 1)[0]!.month).toBe('2026-02');
    expect(recentMonths('America/New_York', now, 1)[0]!.month).toBe('2026-01');
  });

  it('bounds each month by local midnight, whatever the DST offset', () => {
    const [march, april] = recentMonths('Europe/Berlin', new Date('2026-04-10T10:00:00Z'), 2);
    // March starts in winter time (UTC+1), April in summer time (UTC+2).
    expect(iso(march!.start)).toBe('2026-02-28T23:00:00.000Z');
    expect(iso(march!.end)).toBe('2026-03-31T22:00:00.000Z');
    expect(april!.start).toBe(march!.end);
  });

  it('crosses the year boundary', () => {
    const months = recentMonths('UTC', new Date('2026-01-02T00:00:00Z'), 3);
    expect(months.map((month) => month.month)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('refuses an unknown zone', () => {
    expect(() => recentMonths('Mars/Olympus', new Date(), 12)).toThrow(RangeError);
  });
});

describe('weekOf', () => {
  it('runs Monday to Monday in the zone', () => {
    // Wednesday, 2026-06-17.
    const week = weekOf('UTC', new Date('2026-06-17T15:00:00Z'));
    expect(iso(week.start)).toBe('2026-06-15T00:00:00.000Z');
    expect(iso(week.end)).toBe('2026-06-22T00:00:00.000Z');
  });

  it('follows the zone: Sunday evening in New York is still the old week', () => {
    // Monday 02:00 UTC = Sunday 22:00 in New York (UTC-4 in June).
    const week = weekOf('America/New_York', new Date('2026-06-22T02:00:00Z'));
    expect(iso(week.start)).toBe('2026-06-15T04:00:00.000Z');
    expect(iso(week.end)).toBe('2026-06-22T04:00:00.000Z');
  });

  it('lasts 167 hours in the week clocks go forward', () => {
    const week = weekOf('Europe/Berlin', new Date('2026-03-25T12:00:00Z'));
    expect((week.end - week.start) / 3_600_000).toBe(167);
  });
});

describe('monthlyFigures', () => {
  const months = recentMonths('UTC', new Date('2026-03-15T12:00:00Z'), 3);
  const group = (change: Partial<MonthlyAmounts>): MonthlyAmounts => ({
    month: '2026-03',
    currency: 'EUR',
    kind: 'sessions',
    count: 1,
    amount: 8000,
    ...change,
  });

  it('zero-fills months without activity', () => {
    const figures = monthlyFigures(months, [], 'EUR');
    expect(figures.months).toEqual(
      ['2026-01', '2026-02', '2026-03'].map((month) => ({
        month,
        completedSessions: 0,
        sessionRevenue: 0,
        feeCancellations: 0,
        cancellationFees: 0,
        revenue: 0,
      })),
    );
    expect(figures.totals).toEqual({
      completedSessions: 0,
      revenue: { amount: 0, currency: 'EUR' },
      cancellationFees: { amount: 0, currency: 'EUR' },
    });
    expect(figures.otherCurrencies).toEqual([]);
  });

  it('adds session quotes and cancellation fees into the month’s revenue', () => {
    const figures = monthlyFigures(
      months,
      [
        group({ count: 3, amount: 24000 }),
        group({ kind: 'fees', count: 2, amount: 6000 }),
        group({ month: '2026-01', count: 1, amount: 9000 }),
      ],
      'EUR',
    );
    expect(figures.months[2]).toEqual({
      month: '2026-03',
      completedSessions: 3,
      sessionRevenue: 24000,
      feeCancellations: 2,
      cancellationFees: 6000,
      revenue: 30000,
    });
    expect(figures.months[0]).toMatchObject({ month: '2026-01', revenue: 9000 });
    expect(figures.months[1]).toMatchObject({ month: '2026-02', revenue: 0 });
    expect(figures.totals).toEqual({
      completedSessions: 4,
      revenue: { amount: 39000, currency: 'EUR' },
      cancellationFees: { amount: 6000, currency: 'EUR' },
    });
  });

  it('keeps other currencies apart, summed per currency and never converted', () => {
    const figures = monthlyFigures(
      months,
      [
        group({ amount: 8000 }),
        group({ currency: 'USD', amount: 5000 }),
        group({ currency: 'USD', kind: 'fees', amount: 2500, month: '2026-02' }),
        group({ currency: 'CHF', amount: 7000 }),
      ],
      'EUR',
    );
    expect(figures.totals.revenue).toEqual({ amount: 8000, currency: 'EUR' });
    expect(figures.months[2]!.completedSessions).toBe(1);
    expect(figures.otherCurrencies).toEqual([
      { amount: 7000, currency: 'CHF' },
      { amount: 7500, currency: 'USD' },
    ]);
  });

  it('ignores groups of months outside the window', () => {
    const figures = monthlyFigures(months, [group({ month: '2025-12' })], 'EUR');
    expect(figures.totals.completedSessions).toBe(0);
    expect(figures.otherCurrencies).toEqual([]);
  });
});

describe('monthlyRatings', () => {
  const months = recentMonths('UTC', new Date('2026-03-15T12:00:00Z'), 3);

  it('averages each month to two decimals and leaves quiet months without an average', () => {
    expect(
      monthlyRatings(months, [
        { month: '2026-01', count: 3, sum: 13 },
        { month: '2026-03', count: 1, sum: 5 },
        { month: '2025-01', count: 1, sum: 1 },
      ]),
    ).toEqual([
      { month: '2026-01', count: 3, average: 4.33 },
      { month: '2026-02', count: 0, average: null },
      { month: '2026-03', count: 1, average: 5 },
    ]);
  });
});
