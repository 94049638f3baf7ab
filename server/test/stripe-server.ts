import type request from 'supertest';
import { expect } from 'vitest';
import { startFakeStripe, type FakeSession, type FakeStripe } from './fake-stripe.js';
import { startTestServer, type TestServer } from './test-server.js';

/** A test server whose payment provider is Stripe, its SDK pointed at the tests' fake. */
export interface StripeTestServer extends TestServer {
  stripe: FakeStripe;
  /** The fake's checkout session behind a checkout URL the server handed out. */
  sessionOf(checkoutUrl: string): FakeSession;
  /** Posts a signed Stripe event to the webhook, as Stripe does. */
  sendWebhook(event: { payload: string; signature: string }): request.Test;
  /** The client pays at the checkout and Stripe delivers its signed `checkout.session.completed`. */
  payCheckout(
    checkoutUrl: string,
  ): Promise<{ session: FakeSession; event: { payload: string; signature: string; id: string } }>;
}

/** Starts the fake Stripe and a test server configured for it; `close()` stops both. */
export async function startStripeTestServer(
  testFile: string,
  env: Record<string, string> = {},
): Promise<StripeTestServer> {
  const stripe = await startFakeStripe();
  const t = await startTestServer(testFile, { ...stripe.env, ...env });

  const sessionOf = (checkoutUrl: string): FakeSession => {
    const session = [...stripe.sessions.values()].find((s) => s.url === checkoutUrl);
    if (!session) throw new Error(`no fake session for ${checkoutUrl}`);
    return session;
  };
  const sendWebhook = (event: { payload: string; signature: string }) =>
    t.http
      .post('/api/payments/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', event.signature)
      .send(event.payload);

  return {
    ...t,
    stripe,
    sessionOf,
    sendWebhook,
    async payCheckout(checkoutUrl) {
      const session = stripe.pay(sessionOf(checkoutUrl).id);
      const event = stripe.signedEvent('checkout.session.completed', session);
      expect((await sendWebhook(event)).status).toBe(200);
      return { session, event };
    },
    async close() {
      await t.close();
      await stripe.close();
    },
  };
}
