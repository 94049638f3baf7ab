import type { CoachMonthFigures, CoachRatingMonth } from '@coachhub/shared/dashboard';
import type { Currency, Money } from '@coachhub/shared/pricing';
import { DateTime } from 'luxon';

/**
 * The coach's overview in figures: which calendar months and which week the numbers belong to
 * (in the coach's time zone), and how the bookings' stored amounts add up per month.
 *
 * Revenue is what the coach earned by the bookings' own records: the quote of every session
 * marked completed (in the month it started) plus every cancellation fee (in the month it was
 * cancelled). No-shows, declined and fee-free cancellations add nothing; pending and confirmed
 * sessions are not revenue yet. Amounts in another currency than the coach's current one (from
 * before a change of currency) are kept apart, never converted.
 */

/** A calendar month in a time zone: its `YYYY-MM` key and the instants that bound it. */
export interface LocalMonth {
  month: string;
  /** Epoch ms of the month's first instant in the zone. */
  start: number;
  /** Epoch ms of the next month's first instant. */
  end: number;
}

function zoned(now: Date, timeZone: string): DateTime {
  const dateTime = DateTime.fromJSDate(now, { zone: timeZone });
  if (!dateTime.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return dateTime;
}

/** The `count` calendar months up to and including the one `now` falls in, oldest first. */
export function recentMonths(timeZone: string, now: Date, count: number): LocalMonth[] {
  const current = zoned(now, timeZone).startOf('month');
  return Array.from({ length: count }, (_, index) => {
    const start = current.minus({ months: count - 1 - index });
    return {
      month: start.toFormat('yyyy-MM'),
      start: start.toMillis(),
      end: start.plus({ months: 1 }).toMillis(),
    };
  });
}

/** The week `now` falls in, Monday 00:00 to the next Monday 00:00 in the zone (epoch ms). */
export function weekOf(timeZone: string, now: Date): { start: number; end: number } {
  const start = zoned(now, timeZone).startOf('week');
  return { start: start.toMillis(), end: start.plus({ weeks: 1 }).toMillis() };
}

/** One group of the bookings' aggregate: the sessions or fees of one month in one currency. */
export interface MonthlyAmounts {
  month: string;
  currency: Currency;
  kind: 'sessions' | 'fees';
  count: number;
  /** Sum of the stored amounts, minor units of `currency`. */
  amount: number;
}

export interface MonthlyFigures {
  months: CoachMonthFigures[];
  totals: { completedSessions: number; revenue: Money; cancellationFees: Money };
  otherCurrencies: Money[];
}

const emptyMonth = (month: string): CoachMonthFigures => ({
  month,
  completedSessions: 0,
  sessionRevenue: 0,
  feeCancellations: 0,
  cancellationFees: 0,
  revenue: 0,
});

/**
 * Every month of `months` with its figures in `currency` (zeros for a quiet month), their sums,
 * and per other currency the amounts left out. Groups of months outside the list are ignored.
 */
export function monthlyFigures(
  months: readonly LocalMonth[],
  groups: readonly MonthlyAmounts[],
  currency: Currency,
): MonthlyFigures {
  const byMonth = new Map(months.map(({ month }) => [month, emptyMonth(month)]));
  const others = new Map<Currency, number>();
  for (const group of groups) {
    const figures = byMonth.get(group.month);
    if (!figures) continue;
    if (group.currency !== currency) {
      others.set(group.currency, (others.get(group.currency) ?? 0) + group.amount);
      continue;
    }
    if (group.kind === 'sessions') {
      figures.completedSessions += group.count;
      figures.sessionRevenue += group.amount;
    } else {
      figures.feeCancellations += group.count;
      figures.cancellationFees += group.amount;
    }
    figures.revenue = figures.sessionRevenue + figures.cancellationFees;
  }
  const list = [...byMonth.values()];
  const sum = (pick: (figures: CoachMonthFigures) => number) =>
    list.reduce((total, figures) => total + pick(figures), 0);
  return {
    months: list,
    totals: {
      completedSessions: sum((figures) => figures.completedSessions),
      revenue: { amount: sum((figures) => figures.revenue), currency },
      cancellationFees: { amount: sum((figures) => figures.cancellationFees), currency },
    },
    otherCurrencies: [...others.entries()]
      .filter(([, amount]) => amount !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, amount]) => ({ amount, currency: code })),
  };
}

/** The ratings of one month: their count and their sum. */
export interface MonthlyRatings {
  month: string;
  count: number;
  sum: number;
}

/**
 * The average rating of each month of `months` (null for a month without reviews), rounded to
 * two decimals. Groups of months outside the list are ignored.
 */
export function monthlyRatings(
  months: readonly LocalMonth[],
  groups: readonly MonthlyRatings[],
): CoachRatingMonth[] {
  return months.map(({ month }) => {
    const found = groups.filter((group) => group.month === month);
    const count = found.reduce((total, group) => total + group.count, 0);
    const sum = found.reduce((total, group) => total + group.sum, 0);
    return { month, count, average: count === 0 ? null : Math.round((sum / count) * 100) / 100 };
  });
}
