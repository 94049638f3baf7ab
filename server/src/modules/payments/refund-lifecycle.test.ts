import type { BookingDTO } from '@coachhub/shared/booking';
import type {
  NotificationEvent,
  NotificationPage,
  OutboxMailDTO,
} from '@coachhub/shared/notification';
import type { CheckoutBookingResponse } from '@coachhub/shared/payment';
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeRefund, FakeSession, FakeStripe } from '../../../test/fake-stripe.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { startStripeTestServer, type StripeTestServer } from '../../../test/stripe-server.js';
import { PaymentTransaction } from './payment-transaction.model.js';

let t: StripeTestServer;
let stripe: FakeStripe;
let coach: BookableCoach;
let coachS: SignedIn;
let lena: SignedIn;
let day = 0;

beforeAll(async () => {
  t = await startStripeTestServer(import.meta.filename, { JOBS_PROCESS_EVERY_MS: '100' });
  stripe = t.stripe;
  coach = await createBookableCoach({ coach: { firstName: 'Ines', lastName: 'Instant' } });
  [coachS, lena] = await Promise.all([
    sessionFor(coach.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
  ]);
});

afterAll(async () => {
  closeAllSockets();
  await t.close();
});

beforeEach(() => {
  stripe.setRefundStatus('succeeded');
  stripe.setRefundsUnavailable(false);
});

const as = (who: SignedIn) => bearer(who.accessToken);

async function getBooking(id: string): Promise<BookingDTO> {
  const res = await t.http.get(`/api/bookings/${id}`).set(as(lena));
  expect(res.status).toBe(200);
  return res.body as BookingDTO;
}

/** Lena books and pays a session; the coach cancels it, so it is refunded in full. */
async function cancelledPaidBooking() {
  const res = await t.http
    .post('/api/bookings')
    .set(as(lena))
    .send({
      coachId: coach.user.id,
      sessionTypeId: coach.types[60],
      start: futureAt(3 + (day += 1), '10:00'),
    });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const { booking, checkoutUrl } = res.body as CheckoutBookingResponse;
  const { session } = await t.payCheckout(checkoutUrl);
  await t.server.events.settled();
  const cancel = await t.http.post(`/api/bookings/${booking._id}/cancel`).set(as(coachS)).send({});
  expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
  await t.server.events.settled();
  return { booking, session };
}

const refundRecord = (bookingId: string) =>
  PaymentTransaction.findOne({ booking: bookingId, kind: 'refund' }).lean();

const refundsAt = (session: FakeSession) =>
  stripe.refunds.filter((r) => r.payment_intent === session.payment_intent);

const post = async (type: string, refund: FakeRefund, id?: string) => {
  const event = stripe.signedEvent(type, refund, id ? { id } : {});
  expect((await t.sendWebhook(event)).status).toBe(200);
  await t.server.events.settled();
  return event;
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

/** The retry job of this refund is due now (the clock moved on). */
async function retryNow(transactionId: string, attempt: number) {
  const moved = await mongoose.connection.collection('jobs').updateMany(
    {
      name: 'payment refund retry',
      'data.transactionId': transactionId,
      'data.attempt': attempt,
    },
    { $set: { nextRunAt: new Date(Date.now() - 1000) } },
  );
  expect(moved.matchedCount).toBe(1);
}

const retryJobs = (transactionId: string) =>
  mongoose.connection
    .collection('jobs')
    .find({ name: 'payment refund retry', 'data.transactionId': transactionId })
    .toArray();

/** Lena's refund notifications about this booking. */
async function refundNotices(bookingId: string) {
  const res = await t.http.get('/api/notifications').query({ limit: 100 }).set(as(lena));
  expect(res.status).toBe(200);
  return (res.body as NotificationPage).items.filter(
    (n) => n.type === 'payment.refunded' && n.params['bookingId'] === bookingId,
  );
}

async function refundMails() {
  const res = await t.http.get('/api/dev/outbox');
  expect(res.status).toBe(200);
  return (res.body as OutboxMailDTO[]).filter(
    (mail) => mail.to === lena.user.email && mail.subject.startsWith('Refunded'),
  );
}

describe('the client hears of a completed refund', () => {
  it('once, in the app, live and by e-mail, with a link to the receipt', async () => {
    stripe.setRefundStatus('pending');
    const { booking, session } = await cancelledPaidBooking();
    expect(await refundNotices(booking._id)).toEqual([]);
    const mailsBefore = (await refundMails()).length;
    const socket = await connectSocket(t.baseUrl, lena.accessToken);
    const live = nextEvent(
      socket,
      'notification:new',
      (e) => e.notification.type === 'payment.refunded',
    );

    const [refund] = refundsAt(session);
    if (!refund) throw new Error('no refund');
    const event = await post('refund.updated', { ...refund, status: 'succeeded' });
    // Redelivered, and a second event of the same refund.
    expect((await t.sendWebhook(event)).status).toBe(200);
    await post('charge.refund.updated', { ...refund, status: 'succeeded' });

    const heard: NotificationEvent = await live;
    expect(heard.notification).toMatchObject({
      type: 'payment.refunded',
      link: `/bookings/${booking._id}/receipt`,
      params: {
        bookingId: booking._id,
        amount: booking.quote.amount,
        currency: 'EUR',
        title: booking.sessionType.title,
        start: booking.start,
        name: 'Ines Instant',
      },
    });
    expect(await refundNotices(booking._id)).toHaveLength(1);
    const mails = await until(refundMails, (m) => m.length > mailsBefore);
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails[0]?.subject).toBe(
      `Refunded: €${(booking.quote.amount / 100).toFixed(2)} for ${booking.sessionType.title}`,
    );
    expect(mails[0]?.text).toContain(`/bookings/${booking._id}/receipt`);
  });

  it('at once when Stripe completes the refund on the spot', async () => {
    const { booking } = await cancelledPaidBooking();
    expect((await refundRecord(booking._id))?.status).toBe('succeeded');
    expect(await refundNotices(booking._id)).toHaveLength(1);
  });

  it('never of a refund that failed', async () => {
    stripe.refuseNextRefund();
    const { booking } = await cancelledPaidBooking();
    expect((await refundRecord(booking._id))?.status).toBe('failed');
    expect(await refundNotices(booking._id)).toEqual([]);
  });
});

describe('a refund Stripe takes as pending', () => {
  it('succeeds when Stripe says so, once, and a late or repeated event changes nothing', async () => {
    stripe.setRefundStatus('pending');
    const { booking, session } = await cancelledPaidBooking();
    const [refund] = refundsAt(session);
    expect(refund?.status).toBe('pending');
    expect(await refundRecord(booking._id)).toMatchObject({
      status: 'pending',
      refundId: refund?.id,
    });
    expect((await getBooking(booking._id)).payment).toMatchObject({
      status: 'paid',
      amountRefunded: 0,
      amountRefundPending: booking.quote.amount,
    });

    if (!refund) throw new Error('no refund');
    refund.status = 'succeeded';
    const event = await post('refund.updated', refund);
    const record = await refundRecord(booking._id);
    expect(record?.status).toBe('succeeded');
    expect(record?.statusHistory.map((h) => [h.status, h.note])).toEqual([
      ['pending', 'coach_cancelled'],
      ['pending', 'refund issued'],
      ['succeeded', `refund.updated ${event.id}`],
    ]);
    expect((await getBooking(booking._id)).payment).toMatchObject({
      status: 'refunded',
      amountRefunded: booking.quote.amount,
    });
    expect((await getBooking(booking._id)).payment?.amountRefundPending ?? 0).toBe(0);

    // The same event again, and an older status after the final one.
    expect((await t.sendWebhook(event)).status).toBe(200);
    await post('refund.updated', { ...refund, status: 'pending' });
    await post('refund.failed', { ...refund, status: 'failed' });
    const after = await refundRecord(booking._id);
    expect(after?.status).toBe('succeeded');
    expect(after?.statusHistory).toHaveLength(3);
  });

  it('fails when Stripe reports refund.failed', async () => {
    stripe.setRefundStatus('pending');
    const { booking, session } = await cancelledPaidBooking();
    const [refund] = refundsAt(session);
    if (!refund) throw new Error('no refund');
    await post('refund.failed', { ...refund, status: 'failed' });
    expect((await refundRecord(booking._id))?.status).toBe('failed');
    expect((await getBooking(booking._id)).payment).toMatchObject({
      status: 'paid',
      amountRefunded: 0,
    });
  });

  it('answers 200 for a refund it does not know and changes nothing', async () => {
    const unknown: FakeRefund = {
      id: 're_test_unknown',
      object: 'refund',
      amount: 100,
      payment_intent: 'pi_test_unknown',
      status: 'succeeded',
      metadata: {},
    };
    await post('refund.updated', unknown);
    expect(await PaymentTransaction.exists({ refundId: 're_test_unknown' })).toBeNull();
  });
});

describe('a refund Stripe refuses or cannot take', () => {
  it('is failed at once when Stripe refuses it, without a retry', async () => {
    stripe.refuseNextRefund();
    const { booking, session } = await cancelledPaidBooking();
    expect(refundsAt(session)).toEqual([]);
    const record = await refundRecord(booking._id);
    expect(record?.status).toBe('failed');
    expect(record?.statusHistory.at(-1)?.note).toMatch(/^provider error: /);
    expect(await retryJobs(record?._id.toString() ?? '')).toEqual([]);
  });

  it('stays pending while Stripe is unreachable and is retried with the same key, once', async () => {
    stripe.setRefundsUnavailable(true);
    const { booking, session } = await cancelledPaidBooking();
    const record = await refundRecord(booking._id);
    const transactionId = record?._id.toString() ?? '';
    expect(record?.status).toBe('pending');
    expect(record?.statusHistory.at(-1)?.note).toMatch(/^provider unreachable: /);
    const [job] = await retryJobs(transactionId);
    const nextRun = (job?.['nextRunAt'] as Date).getTime();
    expect(nextRun - Date.now()).toBeGreaterThan(50_000);
    expect(nextRun - Date.now()).toBeLessThanOrEqual(60_000);

    stripe.setRefundsUnavailable(false);
    await retryNow(transactionId, 1);
    const settled = await until(
      () => refundRecord(booking._id),
      (r) => r?.status === 'succeeded',
    );
    expect(settled?.refundId).toBe(refundsAt(session)[0]?.id);
    expect(refundsAt(session).map((r) => r.amount)).toEqual([booking.quote.amount]);
    const keys = new Set(
      stripe.calls
        .filter(
          (c) => c.path === '/v1/refunds' && c.body['payment_intent'] === session.payment_intent,
        )
        .map((c) => c.idempotencyKey),
    );
    expect([...keys]).toEqual([`refund:${booking._id}`]);
  });

  it('fails after the last retry when Stripe stays unreachable', async () => {
    stripe.setRefundsUnavailable(true);
    const { booking, session } = await cancelledPaidBooking();
    const transactionId = (await refundRecord(booking._id))?._id.toString() ?? '';
    for (const attempt of [1, 2, 3]) {
      await until(
        () => retryJobs(transactionId),
        (jobs) => jobs.some((job) => job['data']?.attempt === attempt),
      );
      await retryNow(transactionId, attempt);
    }
    const failed = await until(
      () => refundRecord(booking._id),
      (r) => r?.status === 'failed',
    );
    expect(failed?.statusHistory.map((h) => h.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
      'failed',
    ]);
    expect(refundsAt(session)).toEqual([]);
  }, 60_000);
});
