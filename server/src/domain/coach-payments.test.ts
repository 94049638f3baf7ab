import { describe, expect, it } from 'vitest';
import { recentMonths } from './coach-figures.js';
import { monthlyPayments, type MonthlyPaymentAmounts } from './coach-payments.js';

const months = recentMonths('Europe/Berlin', new Date('2026-03-15T12:00:00Z'), 3);

describe('monthlyPayments', () => {
  it('lists every month with zeros when nothing was paid', () => {
    expect(monthlyPayments(months, [], 'EUR')).toEqual({
      received: 0,
      refunded: 0,
      net: 0,
      months: [
        { month: '2026-01', received: 0, refunded: 0 },
        { month: '2026-02', received: 0, refunded: 0 },
        { month: '2026-03', received: 0, refunded: 0 },
      ],
      otherCurrencies: [],
    });
  });

  it('sums payments and refunds per month; net is received minus refunded', () => {
    const groups: MonthlyPaymentAmounts[] = [
      { month: '2026-01', currency: 'EUR', kind: 'payment', amount: 8000 },
      { month: '2026-03', currency: 'EUR', kind: 'payment', amount: 12000 },
      { month: '2026-03', currency: 'EUR', kind: 'refund', amount: 4000 },
    ];
    const figures = monthlyPayments(months, groups, 'EUR');
    expect(figures.months).toEqual([
      { month: '2026-01', received: 8000, refunded: 0 },
      { month: '2026-02', received: 0, refunded: 0 },
      { month: '2026-03', received: 12000, refunded: 4000 },
    ]);
    expect([figures.received, figures.refunded, figures.net]).toEqual([20000, 4000, 16000]);
  });

  it('keeps other currencies apart as net per currency, never converted, zeros dropped', () => {
    const groups: MonthlyPaymentAmounts[] = [
      { month: '2026-02', currency: 'EUR', kind: 'payment', amount: 5000 },
      { month: '2026-02', currency: 'USD', kind: 'payment', amount: 9000 },
      { month: '2026-03', currency: 'USD', kind: 'refund', amount: 2000 },
      { month: '2026-03', currency: 'GBP', kind: 'payment', amount: 3000 },
      { month: '2026-03', currency: 'CHF', kind: 'payment', amount: 1000 },
      { month: '2026-03', currency: 'CHF', kind: 'refund', amount: 1000 },
    ];
    const figures = monthlyPayments(months, groups, 'EUR');
    expect([figures.received, figures.refunded, figures.net]).toEqual([5000, 0, 5000]);
    expect(figures.otherCurrencies).toEqual([
      { amount: 3000, currency: 'GBP' },
      { amount: 7000, currency: 'USD' },
    ]);
  });

  it('ignores months outside the overview', () => {
    const groups: MonthlyPaymentAmounts[] = [
      { month: '2025-12', currency: 'EUR', kind: 'payment', amount: 8000 },
      { month: '2025-12', currency: 'USD', kind: 'payment', amount: 8000 },
    ];
    const figures = monthlyPayments(months, groups, 'EUR');
    expect(figures.received).toBe(0);
    expect(figures.otherCurrencies).toEqual([]);
  });
});
