import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type {
  CreditBalance,
  PackagePurchaseDTO,
  PurchasePackageResponse,
} from '@coachhub/shared/payment';
import type { PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeStripe } from '../../../test/fake-stripe.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startStripeTestServer, type StripeTestServer } from '../../../test/stripe-server.js';
import { Booking } from '../scheduling/bookings/booking.model.js';
import { PackagePurchase } from './package-purchase.model.js';
import { PaymentTransaction } from './payment-transaction.model.js';

/* Packages bought online: Stripe's Checkout through the real SDK against the fake. */

let t: StripeTestServer;
let stripe: FakeStripe;
let carla: BookableCoach;
let carlaS: SignedIn;
let packageId: string;
const PRICE = 24000;
const PUBLIC_URL = 'https://coachhub.example';

beforeAll(async () => {
  t = await startStripeTestServer(import.meta.filename, { PUBLIC_URL });
  stripe = t.stripe;
  carla = await createBookableCoach({ coach: { firstName: 'Carla', lastName: 'Online' } });
  carlaS = await sessionFor(carla.user);
  const res = await t.http
    .post(`/api/prices/config/${carla.user.id}/packages`)
    .set(as(carlaS))
    .send({ name: 'Four', sessions: 4, price: PRICE, validityDays: 60 });
  expect(res.status).toBe(201);
  packageId = (res.body as PriceConfigurationDTO).packages[0]?._id ?? '';
});

afterAll(() => t.close());

const as = (who: SignedIn) => bearer(who.accessToken);
const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const newClient = () => createUser().then(sessionFor);
let day = 0;

async function purchase(who: SignedIn): Promise<Required<PurchasePackageResponse>> {
  const res = await t.http.post(`/api/packages/${packageId}/purchase`).set(as(who)).send();
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const body = res.body as PurchasePackageResponse;
  expect(body.checkoutUrl).toBeDefined();
  return { purchase: body.purchase, checkoutUrl: body.checkoutUrl ?? '' };
}

/** Books an hour with Carla on a day no other test uses, paying with a package credit. */
const bookWithCredit = (who: SignedIn) =>
  t.http
    .post('/api/bookings')
    .set(as(who))
    .send({
      coachId: carla.user.id,
      sessionTypeId: carla.types[60],
      start: futureAt(3 + (day += 1), '10:00'),
      useCredit: true,
    });

const stored = (purchaseId: string) => PackagePurchase.findById(purchaseId).lean();
const paymentOf = (purchaseId: string) =>
  PaymentTransaction.findOne({ purchase: purchaseId }).lean();

async function paidPurchase(who: SignedIn) {
  const { purchase: bought, checkoutUrl } = await purchase(who);
  const { session, event } = await t.payCheckout(checkoutUrl);
  return { purchase: bought, session, event };
}

describe('buying a package with Stripe', () => {
  it('awaits payment at a checkout priced from the stored package, with a payment record', async () => {
    const lena = await newClient();
    const { purchase: bought, checkoutUrl } = await purchase(lena);
    expect(bought).toMatchObject({
      status: 'awaiting_payment',
      method: 'online',
      price: PRICE,
      currency: 'EUR',
      remaining: 4,
    });
    expect(bought.expiresAt).toBeUndefined();

    const session = t.sessionOf(checkoutUrl);
    expect(session.metadata).toEqual({ purchaseId: bought._id });
    expect(session.amount_total).toBe(PRICE);
    expect(session.currency).toBe('eur');
    expect(session.success_url).toBe(
      `${PUBLIC_URL}/packages/checkout-return?purchase=${bought._id}&session_id={CHECKOUT_SESSION_ID}`,
    );
    expect(session.cancel_url).toBe(`${PUBLIC_URL}/coaches/${carla.user.id}?checkout=cancelled`);
    const create = stripe.calls.find(
      (c) => c.path === '/v1/checkout/sessions' && c.idempotencyKey?.endsWith(bought._id),
    );
    expect(create?.idempotencyKey).toBe(`checkout:purchase:${bought._id}`);

    const record = await paymentOf(bought._id);
    expect(record).toMatchObject({
      booking: null,
      kind: 'payment',
      provider: 'stripe',
      amount: PRICE,
      currency: 'EUR',
      status: 'pending',
      idempotencyKey: `payment:purchase:${bought._id}`,
      checkoutSessionId: session.id,
    });
    // Not paid yet: no credits to use.
    expect((await t.http.get('/api/users/me/credits').set(as(lena))).body).toEqual([]);
    const booking = await bookWithCredit(lena);
    expect(booking.status).toBe(409);
    expect(codeOf(booking.body)).toBe('NO_CREDIT_AVAILABLE');
  });

  it('activates the purchase when the webhook says paid; a replay or a second event changes nothing', async () => {
    const lena = await newClient();
    const before = Date.now();
    const { purchase: bought, session, event } = await paidPurchase(lena);
    const active = await stored(bought._id);
    expect(active?.status).toBe('active');
    const expires = active?.expiresAt?.getTime() ?? 0;
    expect(expires).toBeGreaterThanOrEqual(before + 60 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 60 * 86_400_000);
    expect(await paymentOf(bought._id)).toMatchObject({
      status: 'succeeded',
      paymentIntentId: session.payment_intent,
    });

    expect((await t.sendWebhook(event)).status).toBe(200);
    const again = stripe.signedEvent('checkout.session.async_payment_succeeded', session);
    expect((await t.sendWebhook(again)).status).toBe(200);
    // A late expiry after the payment does not undo it.
    const late = stripe.signedEvent('checkout.session.expired', { ...session, status: 'expired' });
    expect((await t.sendWebhook(late)).status).toBe(200);
    const after = await stored(bought._id);
    expect(after?.status).toBe('active');
    expect(after?.expiresAt?.getTime()).toBe(expires);
    expect((await paymentOf(bought._id))?.statusHistory.map((s) => s.status)).toEqual([
      'pending',
      'succeeded',
    ]);

    const credits = (await t.http.get('/api/users/me/credits').set(as(lena)))
      .body as CreditBalance[];
    expect(credits).toEqual([
      expect.objectContaining({ purchaseId: bought._id, remaining: 4, coachId: carla.user.id }),
    ]);
  });

  it('leaves the purchase not_paid when the checkout expires unpaid', async () => {
    const lena = await newClient();
    const { purchase: bought, checkoutUrl } = await purchase(lena);
    const session = t.sessionOf(checkoutUrl);
    session.status = 'expired';
    const event = stripe.signedEvent('checkout.session.expired', session);
    expect((await t.sendWebhook(event)).status).toBe(200);
    expect((await stored(bought._id))?.status).toBe('not_paid');
    expect((await paymentOf(bought._id))?.status).toBe('canceled');
    const history = (await t.http.get('/api/users/me/package-purchases').set(as(lena)))
      .body as PackagePurchaseDTO[];
    expect(history.map((p) => p.status)).toEqual(['not_paid']);
  });

  it('ignores a paid checkout whose amount does not match the package', async () => {
    const lena = await newClient();
    const { purchase: bought, checkoutUrl } = await purchase(lena);
    const session = stripe.pay(t.sessionOf(checkoutUrl).id);
    const event = stripe.signedEvent('checkout.session.completed', {
      ...session,
      amount_total: 100,
    });
    expect((await t.sendWebhook(event)).status).toBe(200);
    expect((await stored(bought._id))?.status).toBe('awaiting_payment');
    expect((await paymentOf(bought._id))?.status).toBe('pending');
  });

  it('answers 503 and keeps nothing awaiting when the provider cannot open a checkout', async () => {
    const lena = await newClient();
    stripe.refuseNextCheckout();
    const res = await t.http.post(`/api/packages/${packageId}/purchase`).set(as(lena)).send();
    expect(res.status).toBe(503);
    expect(codeOf(res.body)).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    const [history] = (await t.http.get('/api/users/me/package-purchases').set(as(lena)))
      .body as PackagePurchaseDTO[];
    expect(history?.status).toBe('not_paid');
  });
});

describe('POST /api/packages/purchases/:purchaseId/checkout-return', () => {
  it('activates the purchase once Stripe says the session is paid; the buyer only', async () => {
    const lena = await newClient();
    const tom = await newClient();
    const { purchase: bought, checkoutUrl } = await purchase(lena);
    const session = t.sessionOf(checkoutUrl);
    const url = `/api/packages/purchases/${bought._id}/checkout-return`;

    const unpaid = await t.http.post(url).set(as(lena)).send({ sessionId: session.id });
    expect(unpaid.status).toBe(409);
    expect(codeOf(unpaid.body)).toBe('PAYMENT_NOT_VERIFIED');
    expect((await t.http.post(url).set(as(tom)).send({ sessionId: session.id })).status).toBe(404);
    expect((await t.http.post(url).set(as(lena)).send({ sessionId: 'cs_test_other' })).status).toBe(
      404,
    );
    expect((await t.http.post(url).set(as(lena)).send({})).status).toBe(400);

    stripe.pay(session.id);
    const paid = await t.http.post(url).set(as(lena)).send({ sessionId: session.id });
    expect(paid.status).toBe(200);
    expect((paid.body as { purchase: PackagePurchaseDTO }).purchase).toMatchObject({
      _id: bought._id,
      status: 'active',
      remaining: 4,
    });
    // The webhook arriving afterwards changes nothing.
    const expires = (await stored(bought._id))?.expiresAt?.getTime();
    const event = stripe.signedEvent('checkout.session.completed', session);
    expect((await t.sendWebhook(event)).status).toBe(200);
    expect((await stored(bought._id))?.expiresAt?.getTime()).toBe(expires);
    // A booking's checkout return does not take a package's session.
    const asBooking = await t.http
      .post('/api/payments/checkout-return')
      .set(as(lena))
      .send({ sessionId: session.id });
    expect(asBooking.status).toBe(404);
  });
});

describe('booking with a credit while Stripe collects online', () => {
  it('opens no checkout: the booking is confirmed and paid with the credit', async () => {
    const lena = await newClient();
    const { purchase: bought } = await paidPurchase(lena);
    const checkouts = stripe.sessions.size;
    const res = await bookWithCredit(lena);
    expect(res.status).toBe(201);
    const booking = res.body as BookingDTO;
    expect('checkoutUrl' in (res.body as object)).toBe(false);
    expect(booking.status).toBe('confirmed');
    expect(booking.payment).toMatchObject({
      method: 'credit',
      status: 'paid',
      amountPaid: 0,
      creditPurchaseId: bought._id,
    });
    expect(stripe.sessions.size).toBe(checkouts);
    expect((await Booking.findById(booking._id).lean())?.paymentHold ?? null).toBeNull();
    expect((await stored(bought._id))?.remaining).toBe(3);
  });
});
