import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import Stripe from 'stripe';

export const FAKE_STRIPE = {
  secretKey: 'sk_test_coachhub_fake',
  webhookSecret: 'whsec_coachhub_fake',
};

/** One call the server made, as the fake received it. */
export interface FakeStripeCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  url: string | null;
  success_url: string;
  cancel_url: string;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  payment_intent: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  metadata: Record<string, string>;
}

export interface FakeStripe {
  /** `STRIPE_*` variables that point the server's SDK at this fake. */
  env: Record<string, string>;
  calls: FakeStripeCall[];
  sessions: Map<string, FakeSession>;
  refunds: FakeRefund[];
  /** The next checkout create is refused (as Stripe refuses a request), for provider failures. */
  refuseNextCheckout(): void;
  /** The next refund create is refused (Stripe answers 400: it will not refund this). */
  refuseNextRefund(): void;
  /**
   * While on, every refund create answers 500 (Stripe failing on its side; the SDK retries it),
   * so the product finds Stripe unreachable. Nothing is stored or replayed for those calls.
   */
  setRefundsUnavailable(on: boolean): void;
  /** The status the next refunds are created in (`succeeded` unless set; `pending` as for banks). */
  setRefundStatus(status: FakeRefund['status']): void;
  /** The client pays at the checkout: the session completes with a payment intent. */
  pay(sessionId: string): FakeSession;
  /** A Stripe event about a session or refund, as Stripe would post it (JSON text) with its signature. */
  signedEvent(
    type: string,
    object: FakeSession | FakeRefund,
    options?: { id?: string; secret?: string },
  ): { payload: string; signature: string; id: string };
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

/**
 * A stand-in for the few Stripe API endpoints the product uses (Checkout Sessions: create,
 * retrieve, expire; refunds), over HTTP, so tests drive the official SDK instead of mocking it.
 * It checks the secret key, requires an idempotency key on every POST and answers a repeated key
 * with the first answer, as Stripe does. Webhooks are signed with the SDK's own test helper.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const calls: FakeStripeCall[] = [];
  const sessions = new Map<string, FakeSession>();
  const refunds: FakeRefund[] = [];
  const answered = new Map<string, { status: number; body: unknown }>();
  let refuseCheckout = false;
  let refuseRefund = false;
  let refundsUnavailable = false;
  let refundStatus: FakeRefund['status'] = 'succeeded';
  const signer = new Stripe(FAKE_STRIPE.secretKey);
  const app = express();
  app.use(express.urlencoded({ extended: true }));

  const fail = (res: Response, status: number, message: string) =>
    res.status(status).json({ error: { type: 'invalid_request_error', message } });

  app.use((req, res, next) => {
    if (req.get('authorization') !== `Bearer ${FAKE_STRIPE.secretKey}`) {
      fail(res, 401, 'Invalid API Key provided');
      return;
    }
    const idempotencyKey = req.get('idempotency-key');
    calls.push({
      method: req.method,
      path: req.path,
      idempotencyKey,
      body: (req.body ?? {}) as Record<string, unknown>,
    });
    if (req.method !== 'POST') {
      next();
      return;
    }
    if (!idempotencyKey?.match(/^[a-z]+(:[\w-]+)+$/i)) {
      fail(res, 400, 'The product sends its own idempotency key on every POST');
      return;
    }
    // A failure on Stripe's side is no answer to the request: a retry with the key tries again.
    if (refundsUnavailable && req.path === '/v1/refunds') {
      res.status(500).json({ error: { type: 'api_error', message: 'Stripe is having trouble' } });
      return;
    }
    const first = answered.get(idempotencyKey);
    if (first) {
      res.status(first.status).set('Idempotent-Replayed', 'true').json(first.body);
      return;
    }
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      answered.set(idempotencyKey, { status: res.statusCode, body });
      return json(body);
    };
    next();
  });

  app.post('/v1/checkout/sessions', (req: Request, res) => {
    if (refuseCheckout) {
      refuseCheckout = false;
      fail(res, 400, 'This account cannot take payments just now');
      return;
    }
    const body = req.body as {
      mode?: string;
      client_reference_id?: string;
      metadata?: Record<string, string>;
      line_items?: {
        quantity?: string;
        price_data?: { currency?: string; unit_amount?: string };
      }[];
      success_url?: string;
      cancel_url?: string;
    };
    const item = body.line_items?.[0];
    const amount = Number(item?.price_data?.unit_amount);
    if (body.mode !== 'payment' || !item?.price_data?.currency || !Number.isInteger(amount)) {
      fail(res, 400, 'A one-off payment with one priced line item is expected');
      return;
    }
    const sessionId = id('cs');
    const session: FakeSession = {
      id: sessionId,
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount * Number(item.quantity ?? 1),
      currency: item.price_data.currency,
      client_reference_id: body.client_reference_id ?? null,
      metadata: body.metadata ?? {},
      payment_intent: null,
      url: `https://checkout.fake-stripe.test/c/pay/${sessionId}`,
      success_url: body.success_url ?? '',
      cancel_url: body.cancel_url ?? '',
    };
    sessions.set(sessionId, session);
    res.json(session);
  });

  app.get('/v1/checkout/sessions/:id', (req, res) => {
    const session = sessions.get(String(req.params.id));
    if (!session) fail(res, 404, 'No such checkout.session');
    else res.json(session);
  });

  app.post('/v1/checkout/sessions/:id/expire', (req, res) => {
    const session = sessions.get(String(req.params.id));
    if (!session) return fail(res, 404, 'No such checkout.session');
    if (session.status !== 'open') return fail(res, 400, 'Only open sessions can be expired');
    session.status = 'expired';
    session.url = null;
    return res.json(session);
  });

  app.post('/v1/refunds', (req, res) => {
    if (refuseRefund) {
      refuseRefund = false;
      return fail(res, 400, 'This charge cannot be refunded just now');
    }
    const body = req.body as {
      payment_intent?: string;
      amount?: string;
      metadata?: Record<string, string>;
    };
    const paid = [...sessions.values()].find((s) => s.payment_intent === body.payment_intent);
    const amount = Number(body.amount);
    if (!paid || !Number.isInteger(amount) || amount <= 0 || amount > paid.amount_total) {
      return fail(
        res,
        400,
        'A refund needs a paid payment intent and an amount up to what was paid',
      );
    }
    const refund: FakeRefund = {
      id: id('re'),
      object: 'refund',
      amount,
      payment_intent: paid.payment_intent ?? '',
      status: refundStatus,
      metadata: body.metadata ?? {},
    };
    refunds.push(refund);
    return res.json(refund);
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;

  return {
    env: {
      STRIPE_SECRET_KEY: FAKE_STRIPE.secretKey,
      STRIPE_WEBHOOK_SECRET: FAKE_STRIPE.webhookSecret,
      STRIPE_API_BASE_URL: `http://127.0.0.1:${port}`,
    },
    calls,
    sessions,
    refunds,
    refuseNextCheckout() {
      refuseCheckout = true;
    },
    refuseNextRefund() {
      refuseRefund = true;
    },
    setRefundsUnavailable(on) {
      refundsUnavailable = on;
    },
    setRefundStatus(status) {
      refundStatus = status;
    },
    pay(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`No fake session ${sessionId}`);
      session.status = 'complete';
      session.payment_status = 'paid';
      session.payment_intent = id('pi');
      return session;
    },
    signedEvent(type, object, options = {}) {
      const eventId = options.id ?? id('evt');
      const payload = JSON.stringify({
        id: eventId,
        object: 'event',
        type,
        created: Math.floor(Date.now() / 1000),
        data: { object: { ...object } },
      });
      const signature = signer.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? FAKE_STRIPE.webhookSecret,
      });
      return { payload, signature, id: eventId };
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
