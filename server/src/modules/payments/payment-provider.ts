import type { PaymentProviderName, PaymentTransactionStatus } from '@coachhub/shared/payment';
import type { Currency } from '@coachhub/shared/pricing';

/** What a checkout pays for: a booking, or a package purchase (our id in the provider's metadata). */
export type CheckoutSubject =
  { bookingId: string; purchaseId?: never } | { purchaseId: string; bookingId?: never };

export type CheckoutRequest = CheckoutSubject & {
  /** What the client sees they pay for (the session type's title and time, the package). */
  description: string;
  /** Minor units, from the booking's stored quote or the purchase's price (never the client's). */
  amount: number;
  currency: Currency;
  successUrl: string;
  cancelUrl: string;
  /** The provider's idempotency key: a retried call opens no second checkout. */
  idempotencyKey: string;
};

export interface OpenedCheckout {
  sessionId: string;
  url: string;
}

/** A checkout as the provider reports it (a webhook's object, or read back from the provider). */
export interface CheckoutState {
  sessionId: string;
  /** The booking it was opened for (our metadata on it), if any. */
  bookingId: string | null;
  /** The package purchase it was opened for (our metadata on it), if any. */
  purchaseId: string | null;
  /** Paid in full (for an amount the provider took). */
  paid: boolean;
  paymentIntentId: string | null;
  amountTotal: number | null;
  /** Upper-case ISO 4217 as the product stores it. */
  currency: string | null;
}

export interface RefundRequest {
  bookingId: string;
  paymentIntentId: string;
  amount: number;
  idempotencyKey: string;
}

export interface RefundResult {
  refundId: string;
  status: PaymentTransactionStatus;
}

/** A refund as the provider reports its progress (a webhook's object). */
export interface RefundState {
  refundId: string;
  status: PaymentTransactionStatus;
  /** The booking it was made for (our metadata on it), if any. */
  bookingId: string | null;
}

/** A verified provider event, reduced to what the payments module acts on. */
export type ProviderEvent =
  | { id: string; providerType: string; kind: 'checkout_paid'; checkout: CheckoutState }
  /** The checkout ended without a payment (it expired, or an asynchronous payment failed). */
  | { id: string; providerType: string; kind: 'checkout_ended'; checkout: CheckoutState }
  /** A refund moved on at the provider (it succeeded or failed after it was asked for). */
  | { id: string; providerType: string; kind: 'refund_updated'; refund: RefundState }
  | { id: string; providerType: string; kind: 'ignored' };

/**
 * The provider could not be reached or failed on its side (network error, timeout, 5xx, rate
 * limit) after the SDK's own retries: the same request may be sent again later. Any other error
 * is the provider refusing the request.
 */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
}

/** The webhook's signature does not verify against the raw body. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/**
 * The one payment provider interface. `manual` (pay at the session) collects nothing: bookings are
 * made as they always were and it has no checkout, webhook or refund. `stripe` collects online.
 * Package purchases open their checkout through the same `openCheckout` (server/README.md,
 * "Payments").
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  readonly collectsOnline: boolean;
  openCheckout(request: CheckoutRequest): Promise<OpenedCheckout>;
  /** Reads the checkout back from the provider (a client returning from it proves nothing itself). */
  checkoutState(sessionId: string): Promise<CheckoutState>;
  /** Closes an open checkout so it can no longer be paid; one that already ended is left as it is. */
  closeCheckout(sessionId: string, idempotencyKey: string): Promise<void>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Verifies the signature over the raw body; throws WebhookSignatureError. */
  parseWebhook(rawBody: Buffer, signature: string | undefined): ProviderEvent;
}

const NOT_ONLINE = 'The manual provider collects payment at the session: it has no checkout';

/** Pay at the session: today's behaviour, the demo's and the default. */
export const manualProvider: PaymentProvider = {
  name: 'manual',
  collectsOnline: false,
  openCheckout: () => Promise.reject(new Error(NOT_ONLINE)),
  checkoutState: () => Promise.reject(new Error(NOT_ONLINE)),
  closeCheckout: () => Promise.resolve(),
  refund: () => Promise.reject(new Error(NOT_ONLINE)),
  parseWebhook() {
    throw new WebhookSignatureError('The manual provider takes no webhooks');
  },
};
