/**
 * A coach's price configuration and the quotes made from it. Every amount is an integer in the
 * currency's minor units (cents for EUR), so no floating-point money ever travels.
 */

/** ISO 4217 codes a coach can price in. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Money {
  /** Integer, minor units of `currency`. */
  amount: number;
  currency: Currency;
}

interface DiscountBase {
  _id: string;
  label: string;
  active: boolean;
  /** Share of the price taken off (0-100). */
  percent: number;
}

/** For a client's first session with this coach. */
export interface FirstSessionDiscount extends DiscountBase {
  kind: 'first_session';
}

/** For a client who already has at least `minSessions` sessions with this coach. */
export interface VolumeDiscount extends DiscountBase {
  kind: 'volume';
  minSessions: number;
}

/** For a session booked at least `minDaysAhead` days before it starts. */
export interface EarlyBookingDiscount extends DiscountBase {
  kind: 'early_booking';
  minDaysAhead: number;
}

export type Discount = FirstSessionDiscount | VolumeDiscount | EarlyBookingDiscount;
export const DISCOUNT_KINDS = ['first_session', 'volume', 'early_booking'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

/** N sessions for one price, to be used within `validityDays` of the purchase. */
export interface SessionPackage {
  _id: string;
  name: string;
  sessions: number;
  /** Minor units of the configuration's currency. */
  price: number;
  validityDays: number;
  active: boolean;
  /**
   * The session types its credits book (ids of the coach's own session types); absent or empty:
   * every session type of the coach.
   */
  sessionTypeIds?: string[];
}

/** The price of one session of a session type, overriding the hourly rate. */
export interface SessionTypeRate {
  sessionTypeId: string;
  /** Minor units per session. */
  rate: number;
}

export interface PriceConfigurationDTO {
  /** The coach's user id: one configuration per coach. */
  coachId: string;
  currency: Currency;
  /** Minor units per hour, used for session types without a rate of their own. */
  baseHourlyRate: number;
  sessionTypeRates: SessionTypeRate[];
  discounts: Discount[];
  packages: SessionPackage[];
  metadata: {
    /** Bumped by every change. */
    version: number;
    /** ISO instant of the last change. */
    lastCalculation: string;
  };
}

/** What a configuration holds besides its owner and metadata. */
export type PriceValues = Omit<PriceConfigurationDTO, 'coachId' | 'metadata'>;

/** A new coach's configuration: 80.00 EUR an hour, no special rates, discounts or packages. */
export const DEFAULT_PRICE_VALUES: PriceValues = {
  currency: 'EUR',
  baseHourlyRate: 8000,
  sessionTypeRates: [],
  discounts: [],
  packages: [],
};

export interface QuoteLine {
  /** `base` for the session price, else the kind of discount the line takes off. */
  kind: 'base' | DiscountKind;
  /** The session type's title for the base line, the coach's label for a discount. */
  label: string;
  /** Minor units; discounts are negative. */
  amount: number;
  /** The discount this line comes from. */
  discountId?: string;
}

/**
 * What of the client's history with the coach a quote counted for its discounts. Volume
 * discounts count completed sessions only; a first-session discount needs a client without any
 * session with the coach that took place or is planned (completed, no-show, pending, confirmed).
 */
export interface QuoteHistory {
  /** The client's completed sessions with this coach: what volume discounts count. */
  completedSessions: number;
  /** Whether this is the client's first session with this coach. */
  firstSession: boolean;
}

/** A price with its breakdown; the lines add up to `amount`. */
export interface Quote extends Money {
  lines: QuoteLine[];
  /** What the first-session and volume discounts counted (absent on quotes made before it existed). */
  history?: QuoteHistory;
}

/** Bounds the server enforces on a price configuration; the client's forms use the same ones. */
export const PRICE_LIMITS = {
  /** Largest rate or package price, minor units (100,000.00). */
  maxAmount: 10_000_000,
  maxDiscounts: 20,
  maxPackages: 20,
  maxSessionTypeRates: 50,
  labelMax: 80,
  maxPackageSessions: 100,
  /** Most session types a package may name. */
  maxPackageSessionTypes: 50,
  maxValidityDays: 730,
  /** Most sessions a volume discount may require. */
  maxMinSessions: 1000,
  /** Most days ahead an early-booking discount may require. */
  maxMinDaysAhead: 365,
} as const;

/** A discount as the coach creates it; the server assigns `_id`. */
export type NewDiscount =
  | Omit<FirstSessionDiscount, '_id'>
  | Omit<VolumeDiscount, '_id'>
  | Omit<EarlyBookingDiscount, '_id'>;

/** A package as the coach creates it; the server assigns `_id`. */
export type NewSessionPackage = Omit<SessionPackage, '_id'>;

/**
 * `PUT /api/prices/config/:userId`: every value, replaced. Discounts and packages that keep
 * their `_id` stay the same item; those without one get a new id.
 */
export interface ReplacePriceValuesRequest {
  currency: Currency;
  baseHourlyRate: number;
  sessionTypeRates: SessionTypeRate[];
  discounts: (Discount | NewDiscount)[];
  packages: (SessionPackage | NewSessionPackage)[];
}

/** `PATCH /api/prices/config/:userId`: only the values given change. */
export type PatchPriceValuesRequest = Partial<ReplacePriceValuesRequest>;

/** `POST /api/prices/config/:userId/discounts` -> 201 with the whole configuration. */
export type CreateDiscountRequest = NewDiscount;

/** `POST /api/prices/config/:userId/packages` -> 201 with the whole configuration. */
export type CreatePackageRequest = NewSessionPackage;
