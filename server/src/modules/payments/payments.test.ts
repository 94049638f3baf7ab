import type { BookingDTO } from '@coachhub/shared/booking';
import type { CheckoutBookingResponse, ReceiptDTO } from '@coachhub/shared/payment';
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordEvents } from '../../../test/domain-events.js';
import type { FakeSession, FakeStripe } from '../../../test/fake-stripe.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  halfHourAfter,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startStripeTestServer, type StripeTestServer } from '../../../test/stripe-server.js';
import { PaymentTransaction } from './payment-transaction.model.js';

let t: StripeTestServer;
let stripe: FakeStripe;
let instant: BookableCoach;
let approving: BookableCoach;
let instantS: SignedIn;
let approvingS: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let admin: SignedIn;
let events: ReturnType<typeof recordEvents>;
let day = 0;

beforeAll(async () => {
  t = await startStripeTestServer(import.meta.filename, { JOBS_PROCESS_EVERY_MS: '100' });
  stripe = t.stripe;
  [instant, approving] = await Promise.all([
    createBookableCoach({ coach: { firstName: 'Ines', lastName: 'Instant' } }),
    createBookableCoach({
      availability: openAvailability('UTC', { requiresApproval: true }),
      coach: { firstName: 'Anna', lastName: 'Approves' },
    }),
  ]);
  [instantS, approvingS, lena, tom, admin] = await Promise.all([
    sessionFor(instant.user),
    sessionFor(approving.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
  events = recordEvents(t, ['booking.created', 'booking.cancelled', 'booking.hold_released']);
});

afterAll(() => t.close());

beforeEach(() => events.clear());

const as = (who: SignedIn) => bearer(who.accessToken);
/** A time no other test uses, `days` ahead (outside every fee window unless said otherwise). */
const freshStart = () => futureAt(3 + (day += 1), '10:00');

async function book(
  who: SignedIn,
  coach: BookableCoach,
  start: string,
  headers: Record<string, string> = {},
): Promise<CheckoutBookingResponse> {
  const res = await t.http
    .post('/api/bookings')
    .set(as(who))
    .set(headers)
    .send({ coachId: coach.user.id, sessionTypeId: coach.types[60], start });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CheckoutBookingResponse;
}

async function getBooking(who: SignedIn, id: string): Promise<BookingDTO> {
  const res = await t.http.get(`/api/bookings/${id}`).set(as(who));
  expect(res.status).toBe(200);
  return res.body as BookingDTO;
}

/** Books with the client, pays at the fake and delivers the signed `checkout.session.completed`. */
async function paidBooking(who: SignedIn, coach: BookableCoach, start = freshStart()) {
  const { booking, checkoutUrl } = await book(who, coach, start);
  const { session, event } = await t.payCheckout(checkoutUrl);
  await t.server.events.settled();
  return { booking: await getBooking(who, booking._id), session, event };
}

/** Each recorded event with the status of the booking it carries. */
const withStatus = (recorded: Awaited<ReturnType<typeof events.published>>) =>
  recorded.map((e) => [e.name, 'booking' in e.payload ? e.payload.booking.status : null]);

const transactionsOf = (bookingId: string) =>
  PaymentTransaction.find({ booking: bookingId }).sort({ createdAt: 1 }).lean();

describe('booking with Stripe', () => {
  it('holds the slot awaiting payment and answers the checkout URL; the price is the stored quote', async () => {
    const start = freshStart();
    const before = Date.now();
    const { booking, checkoutUrl } = await book(lena, instant, start);
    expect(booking.status).toBe('awaiting_payment');
    expect(booking.meetingUrl).toBeNull();
    expect(booking.allowedActions).toEqual(['cancel']);
    expect(booking.payment).toMatchObject({
      method: 'online',
      status: 'awaiting_payment',
      amountDue: booking.quote.amount,
      amountPaid: 0,
      amountRefunded: 0,
      currency: 'EUR',
    });
    const holdEnds = Date.parse(booking.payment?.holdExpiresAt ?? '');
    expect(holdEnds - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(holdEnds - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const session = t.sessionOf(checkoutUrl);
    expect(session.amount_total).toBe(booking.quote.amount);
    expect(session.currency).toBe('eur');
    expect(session.metadata).toEqual({ bookingId: booking._id });
    const create = stripe.calls.filter(
      (c) => c.path === '/v1/checkout/sessions' && c.idempotencyKey === `checkout:${booking._id}`,
    );
    expect(create).toHaveLength(1);

    // The coach has heard of nothing yet; the slot is held for everyone else.
    expect(await events.published()).toEqual([]);
    const clash = await t.http
      .post('/api/bookings')
      .set(as(tom))
      .send({ coachId: instant.user.id, sessionTypeId: instant.types[30], start });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('BOOKING_CONFLICT');
    const slots = await t.http
      .get(`/api/coaches/${instant.user.id}/slots`)
      .query({ sessionTypeId: instant.types[60], from: start, to: futureAt(day + 4, '00:00') })
      .set(as(tom));
    expect((slots.body as { slots: { start: string }[] }).slots.map((s) => s.start)).not.toContain(
      start,
    );
  });

  it('reserves nothing when the provider cannot open a checkout (503), so the slot stays free', async () => {
    const start = freshStart();
    stripe.refuseNextCheckout();
    const res = await t.http
      .post('/api/bookings')
      .set(as(lena))
      .send({ coachId: instant.user.id, sessionTypeId: instant.types[60], start });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    const mine = await t.http.get('/api/bookings').query({ from: start }).set(as(lena));
    const made = (mine.body as { items: BookingDTO[] }).items.filter(
      (b) => Date.parse(b.start) === Date.parse(start),
    );
    expect(made.map((b) => b.status)).toEqual(['expired']);
    expect((await book(tom, instant, start)).booking.status).toBe('awaiting_payment');
  });

  it('never takes a price from the client', async () => {
    const res = await t.http.post('/api/bookings').set(as(lena)).send({
      coachId: instant.user.id,
      sessionTypeId: instant.types[60],
      start: freshStart(),
      amount: 1,
    });
    expect(res.status).toBe(400);
  });

  it('answers a retried create with the same booking and checkout, opening no second one', async () => {
    const start = freshStart();
    const key = { 'Idempotency-Key': `pay-retry-${start}` };
    const first = await book(lena, instant, start, key);
    const sessionsBefore = stripe.sessions.size;
    const again = await t.http
      .post('/api/bookings')
      .set(as(lena))
      .set(key)
      .send({ coachId: instant.user.id, sessionTypeId: instant.types[60], start });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({
      booking: { _id: first.booking._id },
      checkoutUrl: first.checkoutUrl,
    });
    expect(stripe.sessions.size).toBe(sessionsBefore);
  });
});

describe('POST /api/bookings/:id/checkout', () => {
  it('gives the client the same checkout again while the booking awaits payment, and no one else', async () => {
    const { booking, checkoutUrl } = await book(lena, instant, freshStart());
    const again = (who: SignedIn) =>
      t.http.post(`/api/bookings/${booking._id}/checkout`).set(as(who)).send();
    const res = await again(lena);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ booking: { _id: booking._id }, checkoutUrl });
    for (const who of [tom, instantS, admin]) expect((await again(who)).status).toBe(404);
    stripe.pay(t.sessionOf(checkoutUrl).id);
    await t.http
      .post('/api/payments/checkout-return')
      .set(as(lena))
      .send({ sessionId: t.sessionOf(checkoutUrl).id });
    const paid = await again(lena);
    expect(paid.status).toBe(409);
    expect(paid.body.error.code).toBe('INVALID_TRANSITION');
  });
});

describe('POST /api/payments/webhook', () => {
  it('refuses an event whose signature does not verify, and changes nothing', async () => {
    const { booking, checkoutUrl } = await book(lena, instant, freshStart());
    const session = stripe.pay(t.sessionOf(checkoutUrl).id);
    const wrongSecret = stripe.signedEvent('checkout.session.completed', session, {
      secret: 'whsec_not_the_one',
    });
    const signed = stripe.signedEvent('checkout.session.completed', session);
    const tampered = { ...signed, payload: signed.payload.replace('"paid"', '"PAID"') };
    for (const event of [wrongSecret, tampered, { payload: signed.payload, signature: '' }]) {
      const res = await t.sendWebhook(event);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    expect((await getBooking(lena, booking._id)).status).toBe('awaiting_payment');
    expect(await events.published()).toEqual([]);
  });

  it('moves a paid booking on to confirmed (the coach confirms at once) and records the payment', async () => {
    const { booking, session } = await paidBooking(lena, instant);
    expect(booking.status).toBe('confirmed');
    expect(booking.meetingUrl).toMatch(/^https:\/\//);
    expect(booking.history.map((h) => [h.action, h.to])).toEqual([
      ['create', 'awaiting_payment'],
      ['payment_received', 'confirmed'],
    ]);
    expect(booking.payment).toMatchObject({
      method: 'online',
      status: 'paid',
      amountPaid: booking.quote.amount,
      amountRefunded: 0,
    });
    // Everyone hears of it as of any new booking: one booking.created, in its new state.
    const published = await events.published();
    expect(withStatus(published)).toEqual([['booking.created', 'confirmed']]);
    const [payment] = await transactionsOf(booking._id);
    expect(payment).toMatchObject({
      kind: 'payment',
      provider: 'stripe',
      amount: booking.quote.amount,
      currency: 'EUR',
      status: 'succeeded',
      checkoutSessionId: session.id,
      paymentIntentId: session.payment_intent,
    });
    expect(payment?.statusHistory.map((s) => s.status)).toEqual(['pending', 'succeeded']);
  });

  it('moves a paid booking of a coach who approves requests on to pending', async () => {
    const { booking } = await paidBooking(lena, approving);
    expect(booking.status).toBe('pending');
    expect(booking.meetingUrl).toBeNull();
    const published = await events.published();
    expect(withStatus(published)).toEqual([['booking.created', 'pending']]);
  });

  it('changes nothing when an event is replayed, or a late expiry arrives after the payment', async () => {
    const { booking, session, event } = await paidBooking(lena, instant);
    events.clear();
    expect((await t.sendWebhook(event)).status).toBe(200);
    // Stripe may also send the same outcome under another event id.
    expect(
      (await t.sendWebhook(stripe.signedEvent('checkout.session.completed', session))).status,
    ).toBe(200);
    expect(
      (await t.sendWebhook(stripe.signedEvent('checkout.session.expired', session))).status,
    ).toBe(200);
    await t.server.events.settled();
    const after = await getBooking(lena, booking._id);
    expect(after.status).toBe('confirmed');
    expect(after.history).toEqual(booking.history);
    expect(after.payment?.status).toBe('paid');
    expect(await events.published()).toEqual([]);
    const records = await transactionsOf(booking._id);
    expect(records.map((r) => [r.kind, r.status])).toEqual([['payment', 'succeeded']]);
  });

  it('answers 200 for a checkout it never opened and for events it does not use', async () => {
    const stranger: FakeSession = {
      ...stripe.pay(t.sessionOf((await book(tom, instant, freshStart())).checkoutUrl).id),
      id: 'cs_test_never_opened_here',
      metadata: { bookingId: new mongoose.Types.ObjectId().toString() },
    };
    const before = await PaymentTransaction.countDocuments();
    expect(
      (await t.sendWebhook(stripe.signedEvent('checkout.session.completed', stranger))).status,
    ).toBe(200);
    expect((await t.sendWebhook(stripe.signedEvent('customer.created', stranger))).status).toBe(
      200,
    );
    expect(await PaymentTransaction.countDocuments()).toBe(before);
    expect(await events.published()).toEqual([]);
  });
});

describe('POST /api/payments/checkout-return', () => {
  it('moves the booking on only once the provider says the session is paid, for its client only', async () => {
    const { booking, checkoutUrl } = await book(lena, approving, freshStart());
    const sessionId = t.sessionOf(checkoutUrl).id;
    const back = (who: SignedIn) =>
      t.http.post('/api/payments/checkout-return').set(as(who)).send({ sessionId });

    const unpaid = await back(lena);
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.error.code).toBe('PAYMENT_NOT_VERIFIED');
    stripe.pay(sessionId);
    expect((await back(tom)).status).toBe(404);
    expect((await back(approvingS)).status).toBe(404);
    const paid = await back(lena);
    expect(paid.status).toBe(200);
    expect((paid.body as BookingDTO).status).toBe('pending');
    expect(stripe.calls.some((c) => c.method === 'GET' && c.path.endsWith(sessionId))).toBe(true);
    // The webhook that follows changes nothing.
    const session = stripe.sessions.get(sessionId) as FakeSession;
    await t.sendWebhook(stripe.signedEvent('checkout.session.completed', session));
    await t.server.events.settled();
    expect((await getBooking(lena, booking._id)).history).toHaveLength(2);
    const published = await events.published();
    expect(published.filter((e) => e.name === 'booking.created')).toHaveLength(1);
  });
});

describe('the payment hold', () => {
  /** Drives the clock: the hold ended a moment ago and its job is due now. */
  async function endHold(bookingId: string) {
    const past = new Date(Date.now() - 1000);
    await mongoose.connection
      .collection('bookings')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(bookingId) },
        { $set: { 'paymentHold.until': past } },
      );
    const moved = await mongoose.connection
      .collection('jobs')
      .updateMany(
        { name: 'payment hold expiry', 'data.bookingId': bookingId },
        { $set: { nextRunAt: past } },
      );
    expect(moved.matchedCount).toBe(1);
  }

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('timed out');
  }

  it('expires an unpaid booking once, closes its checkout and frees the slot for another client', async () => {
    const start = freshStart();
    const { booking, checkoutUrl } = await book(lena, instant, start);
    const session = t.sessionOf(checkoutUrl);
    await endHold(booking._id);
    const expired = await until(
      () => getBooking(lena, booking._id),
      (b) => b.status === 'expired',
    );
    expect(expired.history.map((h) => h.action)).toEqual(['create', 'hold_expired']);
    expect(expired.payment?.status).toBe('not_paid');
    await t.server.events.settled();
    expect(session.status).toBe('expired');
    expect(
      stripe.calls.filter((c) => c.path === `/v1/checkout/sessions/${session.id}/expire`),
    ).toEqual([expect.objectContaining({ method: 'POST', idempotencyKey: `close:${session.id}` })]);
    const published = await events.published();
    expect(published.map((e) => e.name)).toEqual(['booking.hold_released']);
    const jobs = await mongoose.connection
      .collection('jobs')
      .find({ name: 'payment hold expiry', 'data.bookingId': booking._id })
      .toArray();
    expect(jobs.every((job) => job['nextRunAt'] === null)).toBe(true);

    const tomsTurn = await book(tom, instant, start);
    expect(tomsTurn.booking.status).toBe('awaiting_payment');
  });

  it('refunds in full a payment that arrives after the hold expired; the booking stays expired', async () => {
    const { booking, checkoutUrl } = await book(lena, instant, freshStart());
    const sessionId = t.sessionOf(checkoutUrl).id;
    await endHold(booking._id);
    await until(
      () => getBooking(lena, booking._id),
      (b) => b.status === 'expired',
    );
    await t.server.events.settled();
    // The client had paid at that very moment (the fake lets the closed session complete).
    const session = stripe.pay(sessionId);
    expect(
      (await t.sendWebhook(stripe.signedEvent('checkout.session.completed', session))).status,
    ).toBe(200);
    expect((await getBooking(lena, booking._id)).status).toBe('expired');
    const refund = stripe.refunds.find((r) => r.payment_intent === session.payment_intent);
    expect(refund?.amount).toBe(booking.quote.amount);
    const records = await transactionsOf(booking._id);
    expect(records.map((r) => [r.kind, r.status, r.amount, r.reason])).toEqual([
      ['payment', 'succeeded', booking.quote.amount, null],
      ['refund', 'succeeded', booking.quote.amount, 'booking_ended'],
    ]);
  });

  it('lets the client withdraw an unpaid booking for free: its checkout closes, the coach hears nothing', async () => {
    const start = freshStart();
    const { booking, checkoutUrl } = await book(lena, instant, start);
    const session = t.sessionOf(checkoutUrl);
    const coachTry = await t.http.post(`/api/bookings/${booking._id}/cancel`).set(as(instantS));
    expect(coachTry.status).toBe(409);
    const res = await t.http.post(`/api/bookings/${booking._id}/cancel`).set(as(lena)).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancellation: { fee: { amount: 0 } } });
    await t.server.events.settled();
    expect(session.status).toBe('expired');
    const published = await events.published();
    expect(published.map((e) => [e.name, 'outcome' in e.payload && e.payload.outcome])).toEqual([
      ['booking.hold_released', 'withdrawn'],
    ]);
    expect((await book(tom, instant, start)).booking.status).toBe('awaiting_payment');
  });
});

describe('refunds follow the booking’s stored policy', () => {
  async function cancel(who: SignedIn, id: string, action = 'cancel'): Promise<BookingDTO> {
    const res = await t.http.post(`/api/bookings/${id}/${action}`).set(as(who)).send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await t.server.events.settled();
    return res.body as BookingDTO;
  }
  const refundsOf = (session: FakeSession) =>
    stripe.refunds.filter((r) => r.payment_intent === session.payment_intent);

  async function expectRefund(bookingId: string, amount: number, reason: string) {
    const records = await transactionsOf(bookingId);
    expect(records.map((r) => [r.kind, r.status, r.amount, r.reason ?? null])).toEqual([
      ['payment', 'succeeded', expect.any(Number), null],
      ['refund', 'succeeded', amount, reason],
    ]);
    expect(records[1]?.refundId).toMatch(/^re_test_/);
    expect(records[1]?.idempotencyKey).toBe(`refund:${bookingId}`);
  }

  it('refunds in full when the coach cancels', async () => {
    const { booking, session } = await paidBooking(lena, instant);
    await cancel(instantS, booking._id);
    expect(refundsOf(session).map((r) => r.amount)).toEqual([booking.quote.amount]);
    await expectRefund(booking._id, booking.quote.amount, 'coach_cancelled');
    const after = await getBooking(lena, booking._id);
    expect(after.payment).toMatchObject({
      status: 'refunded',
      amountPaid: booking.quote.amount,
      amountRefunded: booking.quote.amount,
    });
  });

  it('refunds in full when the coach declines', async () => {
    const { booking, session } = await paidBooking(lena, approving);
    await cancel(approvingS, booking._id, 'decline');
    expect(refundsOf(session).map((r) => r.amount)).toEqual([booking.quote.amount]);
    await expectRefund(booking._id, booking.quote.amount, 'declined');
  });

  it('refunds in full when the client cancels outside the fee window', async () => {
    const { booking, session } = await paidBooking(lena, instant);
    const cancelled = await cancel(lena, booking._id);
    expect(cancelled.cancellation?.fee.amount).toBe(0);
    expect(refundsOf(session).map((r) => r.amount)).toEqual([booking.quote.amount]);
    await expectRefund(booking._id, booking.quote.amount, 'client_cancelled');
  });

  it('refunds the amount minus the fee when the client cancels inside the fee window', async () => {
    // 3 hours ahead: inside the 24-hour free window of the default policy (50 % fee).
    const { booking, session } = await paidBooking(tom, instant, halfHourAfter(3));
    expect(booking.cancellationPolicy).toEqual({ freeUntilHours: 24, feePercent: 50 });
    const cancelled = await cancel(tom, booking._id);
    const fee = cancelled.cancellation?.fee.amount ?? 0;
    expect(fee).toBe(booking.quote.amount / 2);
    expect(refundsOf(session).map((r) => r.amount)).toEqual([booking.quote.amount - fee]);
    await expectRefund(booking._id, booking.quote.amount - fee, 'client_cancelled');
    expect((await getBooking(tom, booking._id)).payment).toMatchObject({
      status: 'partially_refunded',
      amountRefunded: booking.quote.amount - fee,
    });
  });

  it('refunds once even when the cancellation is delivered twice', async () => {
    const { booking, session } = await paidBooking(lena, instant);
    await cancel(instantS, booking._id);
    const [published] = (await events.published()).filter((e) => e.name === 'booking.cancelled');
    expect(published).toBeDefined();
    t.server.events.publish('booking.cancelled', published?.payload as never);
    await t.server.events.settled();
    expect(refundsOf(session)).toHaveLength(1);
    await expectRefund(booking._id, booking.quote.amount, 'coach_cancelled');
  });
});

describe('GET /api/bookings/:id/receipt', () => {
  it('tells the two participants what was paid and refunded, how and when; anyone else 404', async () => {
    const { booking, session } = await paidBooking(lena, instant, halfHourAfter(5));
    await t.http.post(`/api/bookings/${booking._id}/cancel`).set(as(lena)).send({});
    await t.server.events.settled();

    for (const who of [lena, instantS]) {
      const res = await t.http.get(`/api/bookings/${booking._id}/receipt`).set(as(who));
      expect(res.status).toBe(200);
      const receipt = res.body as ReceiptDTO;
      expect(receipt).toMatchObject({
        bookingId: booking._id,
        reference: `CH-${booking._id.slice(-8).toUpperCase()}`,
        coach: { userId: instant.user.id, name: 'Ines Instant' },
        client: { userId: lena.user._id, name: 'Lena Client' },
        session: { title: booking.sessionType.title, start: booking.start, durationMinutes: 60 },
        lines: booking.quote.lines,
        payment: {
          method: 'online',
          status: 'partially_refunded',
          amountPaid: booking.quote.amount,
          amountRefunded: booking.quote.amount / 2,
        },
      });
      expect(receipt.transactions.map((x) => [x.kind, x.amount, x.status, x.providerIds])).toEqual([
        [
          'payment',
          booking.quote.amount,
          'succeeded',
          { checkoutSessionId: session.id, paymentIntentId: session.payment_intent },
        ],
        [
          'refund',
          booking.quote.amount / 2,
          'succeeded',
          { paymentIntentId: session.payment_intent, refundId: expect.stringMatching(/^re_/) },
        ],
      ]);
    }
    for (const who of [tom, approvingS, admin]) {
      const res = await t.http.get(`/api/bookings/${booking._id}/receipt`).set(as(who));
      expect(res.status).toBe(404);
    }
    expect((await t.http.get(`/api/bookings/${booking._id}/receipt`)).status).toBe(401);
    const unknown = new mongoose.Types.ObjectId().toString();
    expect((await t.http.get(`/api/bookings/${unknown}/receipt`).set(as(lena))).status).toBe(404);
  });
});
