/**
 * Payments: how a booking is paid, what was paid and refunded, and the receipt. Amounts are in
 * minor units (cents) with their currency, as every price in the contract.
 */
import type { BookingDTO } from './booking.js';
import type { Currency, QuoteLine } from './pricing.js';

/** Which payment provider runs (server configuration): Stripe online, or pay at the session. */
export const PAYMENT_PROVIDERS = ['stripe', 'manual'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/**
 * How a booking is paid: `online` through the provider's checkout, `manual` at the session
 * (nothing is collected by the app), `credit` with a credit of a package the client bought.
 */
export const PAYMENT_METHODS = ['online', 'manual', 'credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Where a booking's payment stands: `due_at_session` (manual), `awaiting_payment` (the checkout
 * is open), `paid`, `partially_refunded`, `refunded`, `not_paid` (the checkout ended unpaid).
 */
export const BOOKING_PAYMENT_STATUSES = [
  'due_at_session',
  'awaiting_payment',
  'paid',
  'partially_refunded',
  'refunded',
  'not_paid',
] as const;
export type BookingPaymentStatus = (typeof BOOKING_PAYMENT_STATUSES)[number];

/** The payment part of a booking (`BookingDTO.payment`). */
export interface BookingPaymentSummary {
  method: PaymentMethod;
  status: BookingPaymentStatus;
  currency: Currency;
  /** What the booking costs: its stored quote. */
  amountDue: number;
  amountPaid: number;
  /** Refunds the provider completed (a refund under way counts in `amountRefundPending`). */
  amountRefunded: number;
  /** Refunds asked for and not yet completed (the provider is working on them, or retried). */
  amountRefundPending?: number;
  /** While `awaiting_payment`: when the hold on the slot ends (ISO instant). */
  holdExpiresAt?: string;
  /**
   * `method: 'credit'`: the package purchase whose credit pays it. Such a booking is `paid`
   * (`amountPaid` 0: the package was paid when bought) while its credit is held or used, and
   * `refunded` once the credit went back to the package.
   */
  creditPurchaseId?: string;
}

export const PAYMENT_TRANSACTION_KINDS = ['payment', 'refund'] as const;
export type PaymentTransactionKind = (typeof PAYMENT_TRANSACTION_KINDS)[number];

export const PAYMENT_TRANSACTION_STATUSES = ['pending', 'succeeded', 'failed', 'canceled'] as const;
export type PaymentTransactionStatus = (typeof PAYMENT_TRANSACTION_STATUSES)[number];

/** Why a refund was made (the booking's stored policy decides its amount). */
export const REFUND_REASONS = [
  'coach_cancelled',
  'declined',
  'client_cancelled',
  /** Paid after the booking had already ended unpaid (its hold expired, or it was withdrawn). */
  'booking_ended',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export interface PaymentStatusChange {
  status: PaymentTransactionStatus;
  at: string;
}

/** One payment or refund of a booking, as recorded. */
export interface PaymentTransactionDTO {
  _id: string;
  bookingId: string;
  kind: PaymentTransactionKind;
  provider: PaymentProviderName;
  amount: number;
  currency: Currency;
  status: PaymentTransactionStatus;
  /** Refunds only. */
  reason?: RefundReason;
  /** The provider's ids (Stripe: checkout session, payment intent, refund). */
  providerIds: {
    checkoutSessionId?: string;
    paymentIntentId?: string;
    refundId?: string;
  };
  statusHistory: PaymentStatusChange[];
  createdAt: string;
}

/**
 * `POST /api/bookings` when the provider collects online: the booking waits in
 * `awaiting_payment` until the client pays at `checkoutUrl`.
 */
export interface CheckoutBookingResponse {
  booking: BookingDTO;
  checkoutUrl: string;
}

/** `POST /api/payments/checkout-return`: the client is back from the provider's checkout. */
export interface CheckoutReturnRequest {
  sessionId: string;
}

/** `POST /api/payments/webhook`: the provider's event was taken (or knowingly ignored). */
export interface WebhookAck {
  received: true;
}

/** `GET /api/bookings/:id/receipt` (the booking's participants): what was paid, refunded, how, when. */
export interface ReceiptDTO {
  bookingId: string;
  /** A short reference to quote, e.g. `CH-5F2A91C3`. */
  reference: string;
  issuedAt: string;
  session: { title: string; start: string; end: string; durationMinutes: number };
  coach: { userId: string; name: string };
  client: { userId: string; name: string };
  /** The price lines of the booking's stored quote. */
  lines: QuoteLine[];
  payment: BookingPaymentSummary;
  /** Every payment and refund, oldest first. */
  transactions: PaymentTransactionDTO[];
}

/**
 * A package a client can buy (`GET /api/coaches/:userId/packages`, public): one of the coach's
 * active packages, with the currency of the coach's price configuration.
 */
export interface CoachPackageOffer {
  /** The package's id in the coach's price configuration (the `:packageId` to buy it). */
  packageId: string;
  coachId: string;
  name: string;
  /** How many sessions (credits) it gives. */
  sessions: number;
  /** Minor units of `currency`, for all its sessions. */
  price: number;
  currency: Currency;
  /** Credits expire this many days after the purchase is paid. */
  validityDays: number;
  /**
   * The session types its credits book; absent or empty: every session type of the coach.
   * Ids of the coach's session types.
   */
  sessionTypeIds?: string[];
}

/**
 * Where a package purchase stands: `awaiting_payment` (the checkout is open), `active` (credits
 * usable), `expired` (validity passed), `not_paid` (the checkout ended unpaid), `refunded`.
 */
export const PACKAGE_PURCHASE_STATUSES = [
  'awaiting_payment',
  'active',
  'expired',
  'not_paid',
  'refunded',
] as const;
export type PackagePurchaseStatus = (typeof PACKAGE_PURCHASE_STATUSES)[number];

/** A client's purchase of a package: what was bought, for how much, how it is paid. */
export interface PackagePurchaseDTO {
  _id: string;
  packageId: string;
  coachId: string;
  clientId: string;
  /** As bought (later edits of the coach's package do not change a purchase). */
  packageName: string;
  sessions: number;
  price: number;
  currency: Currency;
  validityDays: number;
  sessionTypeIds: string[];
  status: PackagePurchaseStatus;
  /** `online` through the provider's checkout; `manual`: paid to the coach directly. */
  method: Extract<PaymentMethod, 'online' | 'manual'>;
  /** Set once the purchase is active: when its unused credits lapse (ISO instant). */
  expiresAt?: string;
  /** Credits not yet used (or held by an upcoming booking). */
  remaining: number;
  createdAt: string;
}

/**
 * `POST /api/packages/:packageId/purchase`: the purchase, and where to pay when the provider
 * collects online (absent with the manual provider: the purchase is active at once).
 */
export interface PurchasePackageResponse {
  purchase: PackagePurchaseDTO;
  checkoutUrl?: string;
}

/** One entry of `GET /api/users/me/credits`: a purchase the caller still has credits of. */
export interface CreditBalance {
  coachId: string;
  packageId: string;
  remaining: number;
  expiresAt: string;
  /** Optional extras for display. */
  purchaseId?: string;
  packageName?: string;
  sessions?: number;
  sessionTypeIds?: string[];
}
