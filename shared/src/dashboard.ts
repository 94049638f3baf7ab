import type { Currency, Money } from './pricing.js';

/** How many calendar months the coach's overview covers, the current one included. */
export const COACH_OVERVIEW_MONTHS = 12;

/**
 * One calendar month of a coach's practice, in the coach's time zone. Amounts are integers in
 * minor units of the overview's `currency`; bookings made in another currency are left out of
 * them (see `CoachOverviewDTO.otherCurrencies`).
 */
export interface CoachMonthFigures {
  /** `YYYY-MM` in the coach's time zone. */
  month: string;
  /** Sessions marked completed that started in this month. */
  completedSessions: number;
  /** What those sessions were booked at (each booking's stored quote). */
  sessionRevenue: number;
  /** Late cancellations of this month (by the time they were cancelled) that carried a fee. */
  feeCancellations: number;
  /** The fees those cancellations stored. */
  cancellationFees: number;
  /** `sessionRevenue + cancellationFees`. */
  revenue: number;
}

/** The average rating of the reviews a coach received in one month (null: none that month). */
export interface CoachRatingMonth {
  /** `YYYY-MM` in the coach's time zone. */
  month: string;
  average: number | null;
  count: number;
}

/** `GET /api/dashboard/coach`: the signed-in coach's figures. */
export interface CoachOverviewDTO {
  /** The coach's IANA time zone: months and the week are calendar ones there. */
  timeZone: string;
  /** The coach's current currency: every amount below is in it. */
  currency: Currency;
  /** ISO instant the figures were taken at. */
  asOf: string;
  /** The current week (Monday to Sunday in the coach's zone). */
  thisWeek: {
    /** ISO instants bounding the week: `start` inclusive, `end` exclusive. */
    start: string;
    end: string;
    /** Confirmed sessions still ahead this week. */
    upcomingSessions: number;
  };
  /** What waits for the coach's answer. */
  requests: {
    /** Booking requests (pending) whose start is still ahead. */
    pendingBookings: number;
    /** Clients' requests to move a confirmed booking, still answerable. */
    pendingReschedules: number;
  };
  /** The last `COACH_OVERVIEW_MONTHS` months, oldest first, the current month last; quiet months are zeros. */
  months: CoachMonthFigures[];
  /** Sums over `months`. */
  totals: {
    completedSessions: number;
    revenue: Money;
    cancellationFees: Money;
  };
  /**
   * Amounts of the same months booked in other currencies (before the coach changed theirs),
   * per currency, neither converted nor counted above. Empty in the usual case.
   */
  otherCurrencies: Money[];
  /**
   * The average rating of the reviews received in each of `months` (same months, same order;
   * hidden reviews left out, as they are out of the coach's rating).
   */
  ratings: CoachRatingMonth[];
}
