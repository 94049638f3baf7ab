import type { BookingDTO } from '@coachhub/shared/booking';
import type { CoachOverviewDTO, CoachPaymentsOverview } from '@coachhub/shared/dashboard';
import type { CheckoutBookingResponse } from '@coachhub/shared/payment';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startStripeTestServer, type StripeTestServer } from '../../../test/stripe-server.js';
import { PaymentTransaction } from '../payments/payment-transaction.model.js';

let t: StripeTestServer;
let berlin: BookableCoach;
let other: BookableCoach;
let berlinS: SignedIn;
let otherS: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let day = 0;

const ZONE = 'Europe/Berlin';
const PRICE = 8000;

beforeAll(async () => {
  t = await startStripeTestServer(import.meta.filename);
  [berlin, other] = await Promise.all([
    createBookableCoach({ availability: openAvailability(ZONE) }),
    createBookableCoach({ coach: { firstName: 'Otto', lastName: 'Other' } }),
  ]);
  [berlinS, otherS, lena, tom] = await Promise.all([
    sessionFor(berlin.user),
    sessionFor(other.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor),
  ]);
});

afterAll(() => t.close());

const as = (who: SignedIn) => bearer(who.accessToken);

async function paymentsOf(coach: SignedIn): Promise<CoachPaymentsOverview> {
  const res = await t.http.get('/api/dashboard/coach').set(as(coach));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const overview = res.body as CoachOverviewDTO;
  expect(overview.payments).toBeDefined();
  return overview.payments as CoachPaymentsOverview;
}

/** The client books a one-hour session (outside every fee window) and lands at the checkout. */
async function book(who: SignedIn, coach: BookableCoach): Promise<CheckoutBookingResponse> {
  const res = await t.http
    .post('/api/bookings')
    .set(as(who))
    .send({
      coachId: coach.user.id,
      sessionTypeId: coach.types[60],
      start: futureAt(3 + (day += 1), '10:00'),
    });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CheckoutBookingResponse;
}

/** Books, pays at the fake Stripe and delivers its signed `checkout.session.completed`. */
async function paidBooking(who: SignedIn, coach: BookableCoach): Promise<BookingDTO> {
  const { booking, checkoutUrl } = await book(who, coach);
  await t.payCheckout(checkoutUrl);
  await t.server.events.settled();
  return booking;
}

const thisMonth = (zone: string) => DateTime.now().setZone(zone).toFormat('yyyy-MM');

describe('GET /api/dashboard/coach: payments with Stripe', () => {
  it('starts at zeros for every month, with the provider named', async () => {
    const payments = await paymentsOf(berlinS);
    expect(payments).toMatchObject({
      provider: 'stripe',
      currency: 'EUR',
      received: 0,
      refunded: 0,
      net: 0,
      otherCurrencies: [],
      recent: [],
    });
    expect(payments.months).toHaveLength(12);
    expect(payments.months.at(-1)).toEqual({ month: thisMonth(ZONE), received: 0, refunded: 0 });
  });

  it('counts a paid booking this month and lists it with client and session', async () => {
    const booking = await paidBooking(lena, berlin);
    const payments = await paymentsOf(berlinS);
    expect([payments.received, payments.refunded, payments.net]).toEqual([PRICE, 0, PRICE]);
    expect(payments.months.at(-1)).toEqual({
      month: thisMonth(ZONE),
      received: PRICE,
      refunded: 0,
    });
    expect(payments.recent).toEqual([
      {
        kind: 'payment',
        amount: PRICE,
        currency: 'EUR',
        status: 'succeeded',
        at: expect.any(String),
        bookingId: booking._id,
        clientName: 'Lena Client',
        sessionTitle: '60-minute session',
      },
    ]);
    expect(Date.now() - Date.parse(payments.recent[0]?.at ?? '')).toBeLessThan(60_000);
  });

  it('subtracts the refund of a cancelled paid booking; the refund comes first in the list', async () => {
    const booking = await paidBooking(tom, berlin);
    const res = await t.http.post(`/api/bookings/${booking._id}/cancel`).set(as(tom)).send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await t.server.events.settled();

    const payments = await paymentsOf(berlinS);
    expect([payments.received, payments.refunded, payments.net]).toEqual([2 * PRICE, PRICE, PRICE]);
    expect(payments.months.at(-1)).toMatchObject({ received: 2 * PRICE, refunded: PRICE });
    expect(
      payments.recent.map((entry) => [entry.kind, entry.status, entry.amount, entry.clientName]),
    ).toEqual([
      ['refund', 'succeeded', PRICE, 'Tom Client'],
      ['payment', 'succeeded', PRICE, 'Tom Client'],
      ['payment', 'succeeded', PRICE, 'Lena Client'],
    ]);
    expect(payments.recent[0]?.bookingId).toBe(booking._id);
  });

  it('lists an open checkout as pending without counting it', async () => {
    const { booking } = await book(lena, berlin);
    const payments = await paymentsOf(berlinS);
    expect(payments.recent[0]).toMatchObject({
      kind: 'payment',
      status: 'pending',
      bookingId: booking._id,
    });
    expect([payments.received, payments.refunded]).toEqual([2 * PRICE, PRICE]);
  });

  it('shows each coach only their own payments (in a UTC zone too)', async () => {
    await paidBooking(lena, other);
    const theirs = await paymentsOf(otherS);
    expect([theirs.received, theirs.refunded, theirs.net]).toEqual([PRICE, 0, PRICE]);
    expect(theirs.recent).toHaveLength(1);
    const mine = await paymentsOf(berlinS);
    expect([mine.received, mine.refunded, mine.net]).toEqual([2 * PRICE, PRICE, PRICE]);
    expect(mine.recent).toHaveLength(4);
  });
});

describe('GET /api/dashboard/coach: payments as recorded', () => {
  it('takes months in the coach’s zone, keeps other currencies apart, lists purchases and the latest ten', async () => {
    const coach = await createBookableCoach({ availability: openAvailability(ZONE) });
    const client = await createUser({ firstName: 'Pia', lastName: 'Package' });
    // 00:30 on the first of last month in Berlin is still the month before in UTC.
    const lastMonth = DateTime.now().setZone(ZONE).startOf('month').minus({ months: 1 });
    const early = lastMonth.plus({ minutes: 30 }).toJSDate();
    const base = (at: Date, fields: Record<string, unknown>) => ({
      client: new Types.ObjectId(client.id),
      coach: new Types.ObjectId(coach.user.id),
      provider: 'stripe',
      status: 'succeeded',
      reason: null,
      statusHistory: [
        { status: 'pending', at: new Date(at.getTime() - 60_000), note: null },
        { status: 'succeeded', at, note: null },
      ],
      idempotencyKey: `seed:${new Types.ObjectId().toString()}`,
      createdAt: at,
      updatedAt: at,
      ...fields,
    });
    const purchase = new Types.ObjectId();
    // Raw records: a package purchase's payment names the purchase, not a booking.
    await PaymentTransaction.collection.insertMany([
      base(early, {
        kind: 'payment',
        amount: 5000,
        currency: 'EUR',
        booking: new Types.ObjectId(),
      }),
      base(early, {
        kind: 'payment',
        amount: 9000,
        currency: 'USD',
        booking: new Types.ObjectId(),
      }),
      base(new Date(Date.now() - 60_000), {
        kind: 'payment',
        amount: 30000,
        currency: 'EUR',
        purchase,
      }),
      ...Array.from({ length: 9 }, (_, index) =>
        base(new Date(Date.now() - (index + 2) * 60_000), {
          kind: 'payment',
          amount: 100,
          currency: 'EUR',
          status: 'canceled',
          booking: new Types.ObjectId(),
        }),
      ),
    ]);

    const payments = await paymentsOf(await sessionFor(coach.user));
    expect(payments.months.at(-2)).toEqual({
      month: lastMonth.toFormat('yyyy-MM'),
      received: 5000,
      refunded: 0,
    });
    expect([payments.received, payments.net]).toEqual([35000, 35000]);
    expect(payments.otherCurrencies).toEqual([{ amount: 9000, currency: 'USD' }]);
    expect(payments.recent).toHaveLength(10);
    expect(payments.recent[0]).toEqual({
      kind: 'payment',
      amount: 30000,
      currency: 'EUR',
      status: 'succeeded',
      at: expect.any(String),
      purchaseId: purchase.toString(),
      clientName: 'Pia Package',
    });
    // Bookings that no longer exist: still listed, without a title.
    expect(payments.recent[1]).not.toHaveProperty('sessionTitle');
  });
});
