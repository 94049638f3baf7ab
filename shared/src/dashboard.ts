import type {
  PaymentProviderName,
  PaymentTransactionKind,
  PaymentTransactionStatus,
} from './payment.js';
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
  /**
   * What the coach's clients paid online and got back (optional: absent from servers without
   * it). With the manual provider clients pay at the session: `provider: 'manual'`, zeros and
   * no recent transactions.
   */
  payments?: CoachPaymentsOverview;
}

/** One month of online payments, minor units of the overview's `currency`. */
export interface CoachPaymentMonth {
  /** `YYYY-MM` in the coach's time zone (by when the payment or refund succeeded). */
  month: string;
  received: number;
  refunded: number;
}

/** One payment or refund of the coach's, for the recent list. */
export interface CoachPaymentEntry {
  kind: PaymentTransactionKind;
  /** Minor units of `currency` (the transaction's own, which may differ from the overview's). */
  amount: number;
  currency: Currency;
  status: PaymentTransactionStatus;
  /** ISO instant of its latest status change (when it succeeded, failed, was opened...). */
  at: string;
  /** The booking paid for, or the package purchase (one of the two). */
  bookingId?: string;
  purchaseId?: string;
  clientName: string;
  /** The booked session's title (bookings only). */
  sessionTitle?: string;
}

/**
 * The coach's online payments over the overview's months. Sums count succeeded payments and
 * refunds in the overview's `currency` only (by when they succeeded); amounts in other
 * currencies are in `otherCurrencies` (net per currency), never converted.
 */
export interface CoachPaymentsOverview {
  provider: PaymentProviderName;
  currency: Currency;
  received: number;
  refunded: number;
  /** `received - refunded`. */
  net: number;
  /** Same months as `CoachOverviewDTO.months`, same order. */
  months: CoachPaymentMonth[];
  /** Net received per other currency over the months (non-zero only). */
  otherCurrencies: Money[];
  /** The latest ten transactions, newest first, whatever their status or currency. */
  recent: CoachPaymentEntry[];
}
