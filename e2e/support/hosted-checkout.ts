import type { BrowserContext } from 'playwright-core';
import { startFakeStripe, type FakeStripe } from '../../server/test/fake-stripe.js';

const CHECKOUT_ORIGIN = 'https://checkout.fake-stripe.test';

/**
 * Stripe's side of an online payment, offline: the server's SDK talks to the tests' fake Stripe
 * API, and the browser's visits to the hosted checkout page are answered here with a small page
 * whose "Pay" does what Stripe does: the session completes, the signed
 * `checkout.session.completed` event is posted to the product's webhook, and the browser is sent
 * to the success URL with the session id filled in. "Back" leaves for the cancel URL.
 */
export interface HostedCheckout {
  stripe: FakeStripe;
  /** Answers the hosted checkout pages for the browsers of `context`. */
  serve(context: BrowserContext, productBaseUrl: string): Promise<void>;
  close(): Promise<void>;
}

const page = (sessionId: string, amount: string, cancelUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checkout</title></head>
<body><main><h1>Checkout</h1><p data-testid="checkout-amount">${amount}</p>
<form method="post" action="${CHECKOUT_ORIGIN}/pay/${sessionId}"><button type="submit">Pay</button></form>
<a href="${cancelUrl}">Back</a></main></body></html>`;

export async function startHostedCheckout(): Promise<HostedCheckout> {
  const stripe = await startFakeStripe();
  return {
    stripe,
    async serve(context, productBaseUrl) {
      await context.route(`${CHECKOUT_ORIGIN}/**`, async (route) => {
        const url = new URL(route.request().url());
        const sessionId = url.pathname.split('/').pop() ?? '';
        const session = stripe.sessions.get(sessionId);
        if (!session || session.status === 'expired') {
          await route.fulfill({ status: 404, body: 'This checkout has ended.' });
          return;
        }
        if (route.request().method() === 'GET') {
          const amount = `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
          await route.fulfill({
            contentType: 'text/html',
            body: page(sessionId, amount, session.cancel_url),
          });
          return;
        }
        const paid = stripe.pay(sessionId);
        const event = stripe.signedEvent('checkout.session.completed', paid);
        const delivered = await fetch(`${productBaseUrl}/api/payments/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
          body: event.payload,
        });
        if (!delivered.ok) throw new Error(`the webhook was refused: ${delivered.status}`);
        await route.fulfill({
          status: 303,
          headers: { location: paid.success_url.replace('{CHECKOUT_SESSION_ID}', sessionId) },
        });
      });
    },
    close: () => stripe.close(),
  };
}
