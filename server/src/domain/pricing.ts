import type {
  Discount,
  DiscountKind,
  PriceConfigurationDTO,
  Quote,
  QuoteLine,
} from '@coachhub/shared/pricing';
import { DateTime } from 'luxon';

/** What a quote needs of a coach's price configuration. */
export type PricingRules = Pick<
  PriceConfigurationDTO,
  'currency' | 'baseHourlyRate' | 'sessionTypeRates' | 'discounts'
>;

export interface PricedSessionType {
  _id: string;
  durationMinutes: number;
  title: string;
  /** Inactive session types are left out of {@link priceFrom}. */
  active?: boolean;
}

/** What the discounts need to know of the client's sessions with this coach. */
export interface ClientHistory {
  /** Completed sessions: the only ones a volume discount counts. */
  completedSessions: number;
  /**
   * Whether the client has a session with this coach that took place or is planned (completed,
   * no-show, pending or confirmed): a first-session discount is for clients without one.
   */
  hasSessions: boolean;
}

/** A client with no sessions with the coach (an anonymous quote, too). */
export const NEW_CLIENT: ClientHistory = { completedSessions: 0, hasSessions: false };

export interface QuoteRequest {
  config: PricingRules;
  sessionType: PricedSessionType;
  start: Date;
  now: Date;
  clientHistory: ClientHistory;
}

/**
 * Discounts are applied one kind after another, each to what the previous ones left (so 10 %
 * and 20 % make 28 %, never more than 100 %). Within a kind only the best eligible discount
 * counts: two volume tiers never add up.
 */
const DISCOUNT_ORDER: readonly DiscountKind[] = ['first_session', 'volume', 'early_booking'];

/**
 * The price of one prospective session with its breakdown: the base line, then one negative
 * line per discount applied. Amounts are integer minor units rounded half up; the lines add up
 * to the amount, which is never below 0. `history` says what the discounts counted: the client's
 * completed sessions (volume) and whether this is their first session (first-session).
 */
export function quotePrice(request: QuoteRequest): Quote {
  const base = sessionPrice(request.config, request.sessionType);
  const lines: QuoteLine[] = [{ kind: 'base', label: request.sessionType.title, amount: base }];
  let remaining = base;
  for (const discount of bestDiscountPerKind(request)) {
    const taken = Math.min(
      remaining,
      Math.round((remaining * clampPercent(discount.percent)) / 100),
    );
    if (taken <= 0) continue;
    remaining -= taken;
    lines.push({
      kind: discount.kind,
      label: discount.label,
      amount: -taken,
      discountId: discount._id,
    });
  }
  return {
    amount: remaining,
    currency: request.config.currency,
    lines,
    history: {
      completedSessions: request.clientHistory.completedSessions,
      firstSession: !request.clientHistory.hasSessions,
    },
  };
}

/**
 * The undiscounted price of one session: the session type's own rate when the coach set one,
 * else the hourly rate for its duration, rounded half up to minor units.
 */
export function sessionPrice(
  config: PricingRules,
  sessionType: Pick<PricedSessionType, '_id' | 'durationMinutes'>,
): number {
  const own = config.sessionTypeRates.find((rate) => rate.sessionTypeId === sessionType._id);
  const price = own
    ? own.rate
    : Math.round((config.baseHourlyRate * sessionType.durationMinutes) / 60);
  return Math.max(0, price);
}

/** The lowest undiscounted price among the active session types, or null when there is none. */
export function priceFrom(
  config: PricingRules,
  sessionTypes: readonly PricedSessionType[],
): number | null {
  const prices = sessionTypes
    .filter((sessionType) => sessionType.active !== false)
    .map((sessionType) => sessionPrice(config, sessionType));
  return prices.length === 0 ? null : Math.min(...prices);
}

export interface PriceMetadata {
  version: number;
  lastCalculation: Date;
}

/** The configuration as it is after a change: next version, calculated at `now`. */
export function applyConfigChange<T extends { metadata: PriceMetadata }>(config: T, now: Date): T {
  return { ...config, metadata: { version: config.metadata.version + 1, lastCalculation: now } };
}

function bestDiscountPerKind(request: QuoteRequest): Discount[] {
  const eligible = request.config.discounts.filter(
    (discount) => discount.active && isEligible(discount, request),
  );
  return DISCOUNT_ORDER.flatMap((kind) => {
    const ofKind = eligible.filter((discount) => discount.kind === kind);
    const best = ofKind.reduce<Discount | undefined>(
      (chosen, discount) =>
        chosen === undefined || discount.percent > chosen.percent ? discount : chosen,
      undefined,
    );
    return best ? [best] : [];
  });
}

function isEligible(discount: Discount, request: QuoteRequest): boolean {
  const history = request.clientHistory;
  switch (discount.kind) {
    case 'first_session':
      return !history.hasSessions;
    case 'volume':
      return history.completedSessions >= discount.minSessions;
    case 'early_booking':
      return daysAhead(request.now, request.start) >= discount.minDaysAhead;
  }
}

/** Elapsed days (24 hours each) from `now` to `start`; negative when the start has passed. */
function daysAhead(now: Date, start: Date): number {
  return DateTime.fromJSDate(start).diff(DateTime.fromJSDate(now)).as('days');
}

function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}
