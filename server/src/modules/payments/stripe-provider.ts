import Stripe from 'stripe';
import type { PaymentTransactionStatus } from '@coachhub/shared/payment';
import type { StripeSettings } from '../../core/config/config.js';
import { errorText } from '../../core/errors.js';
import {
  WebhookSignatureError,
  type CheckoutState,
  ProviderUnavailableError,
  type PaymentProvider,
  type ProviderEvent,
  type RefundState,
} from './payment-provider.js';

/** Events that say a checkout was paid, or ended without a payment. */
const PAID_EVENTS = ['checkout.session.completed', 'checkout.session.async_payment_succeeded'];
const ENDED_EVENTS = ['checkout.session.expired', 'checkout.session.async_payment_failed'];
/** Events that carry a refund whose status may have moved on. */
const REFUND_EVENTS = ['refund.updated', 'refund.failed', 'charge.refund.updated'];

/** The SDK pointed at another origin (stripe-mock, the tests' fake) when one is configured. */
function clientOptions(base: URL | null): Stripe.StripeConfig {
  const common: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000 };
  if (!base) return common;
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  return {
    ...common,
    host: base.hostname,
    port: base.port || (protocol === 'http' ? 80 : 443),
    protocol,
  };
}

function checkoutStateOf(session: Stripe.Checkout.Session): CheckoutState {
  const intent = session.payment_intent;
  const purchaseId = session.metadata?.purchaseId ?? null;
  return {
    sessionId: session.id,
    // Our reference is the purchase's id on a purchase's checkout, never a booking's.
    bookingId: session.metadata?.bookingId ?? (purchaseId ? null : session.client_reference_id),
    purchaseId,
    paid: session.payment_status === 'paid',
    paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    amountTotal: session.amount_total ?? null,
    currency: session.currency ? session.currency.toUpperCase() : null,
  };
}

function refundStatusOf(status: string | null): PaymentTransactionStatus {
  if (status === 'succeeded' || status === 'failed' || status === 'canceled') return status;
  return 'pending'; // pending, requires_action
}

function refundStateOf(refund: Stripe.Refund): RefundState {
  return {
    refundId: refund.id,
    status: refundStatusOf(refund.status),
    bookingId: refund.metadata?.bookingId ?? null,
  };
}

/**
 * Stripe did not answer, or failed on its side (the SDK already retried): the same call may be
 * made again later. An answer that refuses the request (invalid, card or permission error) is not.
 */
function unreachable(error: unknown): boolean {
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  if (error instanceof Stripe.errors.StripeRateLimitError) return true;
  if (error instanceof Stripe.errors.StripeAPIError) return true;
  return error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500;
}

/**
 * Stripe Checkout through the official SDK: a Checkout Session per payment (the amount from the
 * booking's stored quote, our booking id in its metadata), refunds against its payment intent, and
 * webhooks verified with `stripe.webhooks.constructEvent` over the raw body. Every call that
 * changes something carries an idempotency key, so a retry (ours or the SDK's) never pays,
 * closes or refunds twice.
 */
export function createStripeProvider(settings: StripeSettings): PaymentProvider {
  const stripe = new Stripe(settings.secretKey, clientOptions(settings.apiBaseUrl));

  return {
    name: 'stripe',
    collectsOnline: true,

    async openCheckout(request) {
      const metadata: Record<string, string> =
        request.purchaseId === undefined
          ? { bookingId: request.bookingId }
          : { purchaseId: request.purchaseId };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: request.purchaseId ?? request.bookingId,
          metadata,
          payment_intent_data: { metadata },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amount,
                product_data: { name: request.description },
              },
            },
          ],
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe opened checkout ${session.id} without a URL`);
      return { sessionId: session.id, url: session.url };
    },

    async checkoutState(sessionId) {
      return checkoutStateOf(await stripe.checkout.sessions.retrieve(sessionId));
    },

    async closeCheckout(sessionId, idempotencyKey) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      if (session.status !== 'open') return;
      await stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey });
    },

    async refund(request) {
      let refund: Stripe.Refund;
      try {
        refund = await stripe.refunds.create(
          {
            payment_intent: request.paymentIntentId,
            amount: request.amount,
            metadata: { bookingId: request.bookingId },
          },
          { idempotencyKey: request.idempotencyKey },
        );
      } catch (error) {
        if (!unreachable(error)) throw error;
        throw new ProviderUnavailableError(errorText(error));
      }
      return { refundId: refund.id, status: refundStatusOf(refund.status) };
    },

    parseWebhook(rawBody, signature): ProviderEvent {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature ?? '', settings.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError(errorText(error));
      }
      const base = { id: event.id, providerType: event.type };
      if (event.type.startsWith('checkout.session.')) {
        const checkout = checkoutStateOf(event.data.object as Stripe.Checkout.Session);
        // A completed checkout may still wait for an asynchronous payment: not paid yet.
        if (PAID_EVENTS.includes(event.type) && checkout.paid) {
          return { ...base, kind: 'checkout_paid', checkout };
        }
        if (ENDED_EVENTS.includes(event.type)) return { ...base, kind: 'checkout_ended', checkout };
      }
      const object = event.data.object as { object?: string };
      if (REFUND_EVENTS.includes(event.type) && object.object === 'refund') {
        return { ...base, kind: 'refund_updated', refund: refundStateOf(object as Stripe.Refund) };
      }
      return { ...base, kind: 'ignored' };
    },
  };
}
