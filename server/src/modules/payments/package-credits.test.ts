import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type {
  CoachPackageOffer,
  CreditBalance,
  PackagePurchaseDTO,
  PurchasePackageResponse,
} from '@coachhub/shared/payment';
import type { PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../../../test/domain-events.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  halfHourAfter,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Booking } from '../scheduling/bookings/booking.model.js';
import { CreditUse, PackagePurchase } from './package-purchase.model.js';
import { PaymentTransaction } from './payment-transaction.model.js';

/* Packages and credits with the manual provider (the demo's default): purchases are active at once. */

let t: TestServer;
let carla: BookableCoach;
let anna: BookableCoach;
let carlaS: SignedIn;
let annaS: SignedIn;
let admin: SignedIn;
let events: ReturnType<typeof recordEvents>;
let day = 0;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  [carla, anna] = await Promise.all([
    createBookableCoach({ coach: { firstName: 'Carla', lastName: 'Credits' } }),
    createBookableCoach({
      availability: openAvailability('UTC', { requiresApproval: true }),
      coach: { firstName: 'Anna', lastName: 'Approves' },
    }),
  ]);
  [carlaS, annaS, admin] = await Promise.all([
    sessionFor(carla.user),
    sessionFor(anna.user),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
  events = recordEvents(t, ['booking.cancelled']);
});
afterAll(() => t.close());

const as = (who: SignedIn) => bearer(who.accessToken);
const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const newClient = () => createUser().then(sessionFor);
/** A day no other test books (outside every fee window). */
const freshDay = () => 3 + (day += 1);

async function addPackage(
  coach: SignedIn,
  item: { name?: string; sessions?: number; price?: number; validityDays?: number } & {
    active?: boolean;
    sessionTypeIds?: string[];
  } = {},
): Promise<string> {
  const res = await t.http
    .post(`/api/prices/config/${coach.user._id}/packages`)
    .set(as(coach))
    .send({ name: 'Three', sessions: 3, price: 21000, validityDays: 90, ...item });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const packages = (res.body as PriceConfigurationDTO).packages;
  return packages[packages.length - 1]?._id ?? '';
}

async function buy(who: SignedIn, packageId: string): Promise<PackagePurchaseDTO> {
  const res = await t.http.post(`/api/packages/${packageId}/purchase`).set(as(who)).send();
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as PurchasePackageResponse).purchase;
}

function bookWithCredit(who: SignedIn, coach: BookableCoach, start: string, minutes = 60) {
  return t.http
    .post('/api/bookings')
    .set(as(who))
    .send({ coachId: coach.user.id, sessionTypeId: coach.types[minutes], start, useCredit: true });
}

async function bookedWithCredit(who: SignedIn, coach: BookableCoach, start: string) {
  const res = await bookWithCredit(who, coach, start);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await t.server.events.settled();
  return res.body as BookingDTO;
}

const remainingOf = async (purchaseId: string) =>
  (await PackagePurchase.findById(purchaseId).lean())?.remaining;

async function act(who: SignedIn, bookingId: string, action: string): Promise<BookingDTO> {
  const res = await t.http.post(`/api/bookings/${bookingId}/${action}`).set(as(who)).send({});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await t.server.events.settled();
  return res.body as BookingDTO;
}

async function getBooking(who: SignedIn, id: string): Promise<BookingDTO> {
  const res = await t.http.get(`/api/bookings/${id}`).set(as(who));
  expect(res.status).toBe(200);
  return res.body as BookingDTO;
}

/** A client with a fresh purchase of one of Carla's packages (`sessions` credits). */
async function clientWithCredits(sessions = 3, sessionTypeIds?: string[]) {
  const client = await newClient();
  const packageId = await addPackage(carlaS, {
    name: `Pack ${sessions}`,
    sessions,
    ...(sessionTypeIds ? { sessionTypeIds } : {}),
  });
  return { client, purchase: await buy(client, packageId) };
}

describe('GET /api/coaches/:userId/packages', () => {
  it("lists the coach's active packages in the configuration's currency, for anyone; 404 for someone who is no coach", async () => {
    const coach = await createBookableCoach();
    const coachS = await sessionFor(coach.user);
    await t.http
      .patch(`/api/prices/config/${coach.user.id}`)
      .set(as(coachS))
      .send({ currency: 'CHF' })
      .expect(200);
    const five = await addPackage(coachS, { name: 'Five', sessions: 5, price: 40000 });
    await addPackage(coachS, { name: 'Old', active: false });
    const short = await addPackage(coachS, {
      name: 'Short ones',
      sessionTypeIds: [coach.types[30] ?? ''],
    });

    const res = await t.http.get(`/api/coaches/${coach.user.id}/packages`);
    expect(res.status).toBe(200);
    const offers = res.body as CoachPackageOffer[];
    expect(offers.map((o) => o.name)).toEqual(['Five', 'Short ones']);
    expect(offers[0]).toEqual({
      packageId: five,
      coachId: coach.user.id,
      name: 'Five',
      sessions: 5,
      price: 40000,
      currency: 'CHF',
      validityDays: 90,
      sessionTypeIds: [],
    });
    expect(offers[1]).toMatchObject({ packageId: short, sessionTypeIds: [coach.types[30]] });

    const client = await newClient();
    expect((await t.http.get(`/api/coaches/${client.user._id}/packages`)).status).toBe(404);
    expect((await t.http.get('/api/coaches/nope/packages')).status).toBe(400);
  });
});

describe('POST /api/packages/:packageId/purchase (manual provider)', () => {
  it('is active at once, paid to the coach, with the stored price and every credit', async () => {
    const client = await newClient();
    const packageId = await addPackage(carlaS, { name: 'Ten', sessions: 10, price: 70000 });
    const before = Date.now();
    const res = await t.http.post(`/api/packages/${packageId}/purchase`).set(as(client)).send();
    expect(res.status).toBe(201);
    const { purchase, checkoutUrl } = res.body as PurchasePackageResponse;
    expect(checkoutUrl).toBeUndefined();
    expect(purchase).toMatchObject({
      packageId,
      coachId: carla.user.id,
      clientId: client.user._id,
      packageName: 'Ten',
      sessions: 10,
      price: 70000,
      currency: 'EUR',
      validityDays: 90,
      sessionTypeIds: [],
      status: 'active',
      method: 'manual',
      remaining: 10,
    });
    const expires = Date.parse(purchase.expiresAt ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + 90 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 90 * 86_400_000);
    // Nothing is collected by the app: no payment record.
    expect(await PaymentTransaction.countDocuments({ purchase: purchase._id })).toBe(0);
  });

  it('never takes a price (or anything else) from the client', async () => {
    const client = await newClient();
    const packageId = await addPackage(carlaS, { price: 21000 });
    const res = await t.http
      .post(`/api/packages/${packageId}/purchase`)
      .set(as(client))
      .send({ price: 1 });
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe('VALIDATION_FAILED');
    expect(await PackagePurchase.countDocuments({ client: client.user._id })).toBe(0);
    expect((await buy(client, packageId)).price).toBe(21000);
  });

  it("refuses the coach's own package, admins, and unknown or inactive packages", async () => {
    const packageId = await addPackage(carlaS);
    const own = await t.http.post(`/api/packages/${packageId}/purchase`).set(as(carlaS)).send();
    expect(own.status).toBe(403);
    expect(codeOf(own.body)).toBe('OWN_PACKAGE');
    const byAdmin = await t.http.post(`/api/packages/${packageId}/purchase`).set(as(admin)).send();
    expect(byAdmin.status).toBe(403);
    // Another coach may buy it, as they may book.
    expect((await buy(annaS, packageId)).status).toBe('active');

    const inactive = await addPackage(carlaS, { active: false });
    const client = await newClient();
    for (const id of [inactive, '5f0000000000000000000001']) {
      const res = await t.http.post(`/api/packages/${id}/purchase`).set(as(client)).send();
      expect(res.status).toBe(404);
    }
    expect((await t.http.post('/api/packages/x/purchase').set(as(client)).send()).status).toBe(400);
    expect((await t.http.post(`/api/packages/${packageId}/purchase`).send()).status).toBe(401);
  });
});

describe('GET /api/users/me/credits and /package-purchases', () => {
  it('lists usable credits soonest expiry first, and every purchase newest first', async () => {
    const client = await newClient();
    const long = await buy(client, await addPackage(carlaS, { name: 'Long', validityDays: 300 }));
    const soon = await buy(
      client,
      await addPackage(carlaS, {
        name: 'Soon',
        validityDays: 30,
        sessionTypeIds: [carla.types[30] ?? ''],
      }),
    );
    const lapsed = await buy(client, await addPackage(carlaS, { name: 'Lapsed' }));
    await PackagePurchase.updateOne(
      { _id: lapsed._id },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const spent = await buy(client, await addPackage(carlaS, { name: 'Spent', sessions: 1 }));
    await PackagePurchase.updateOne({ _id: spent._id }, { $set: { remaining: 0 } });

    const credits = await t.http.get('/api/users/me/credits').set(as(client));
    expect(credits.status).toBe(200);
    expect(credits.body as CreditBalance[]).toEqual([
      {
        coachId: carla.user.id,
        packageId: soon.packageId,
        remaining: 3,
        expiresAt: soon.expiresAt,
        purchaseId: soon._id,
        packageName: 'Soon',
        sessions: 3,
        sessionTypeIds: [carla.types[30]],
      },
      expect.objectContaining({ purchaseId: long._id, packageName: 'Long', remaining: 3 }),
    ]);
    // Someone else's credits are not the caller's.
    expect((await t.http.get('/api/users/me/credits').set(as(carlaS))).body).toEqual([]);

    const history = await t.http.get('/api/users/me/package-purchases').set(as(client));
    expect(history.status).toBe(200);
    const purchases = history.body as PackagePurchaseDTO[];
    expect(purchases.map((p) => [p.packageName, p.status])).toEqual([
      ['Spent', 'active'],
      ['Lapsed', 'expired'],
      ['Soon', 'active'],
      ['Long', 'active'],
    ]);
    const second = await t.http
      .get('/api/users/me/package-purchases?page=2&limit=3')
      .set(as(client));
    expect((second.body as PackagePurchaseDTO[]).map((p) => p.packageName)).toEqual(['Long']);
    expect(
      (await t.http.get('/api/users/me/package-purchases?limit=0').set(as(client))).status,
    ).toBe(400);
    expect((await t.http.get('/api/users/me/credits')).status).toBe(401);
  });
});

describe('booking with a credit', () => {
  it('pays the booking with one credit: no checkout, payment method credit, one credit fewer', async () => {
    const { client, purchase } = await clientWithCredits(3);
    const booking = await bookedWithCredit(client, carla, futureAt(freshDay(), '10:00'));
    expect(booking.status).toBe('confirmed');
    expect(booking.payment).toEqual({
      method: 'credit',
      status: 'paid',
      currency: 'EUR',
      amountDue: booking.quote.amount,
      amountPaid: 0,
      amountRefunded: 0,
      creditPurchaseId: purchase._id,
    });
    expect(await remainingOf(purchase._id)).toBe(2);
    const credits = (await t.http.get('/api/users/me/credits').set(as(client)))
      .body as CreditBalance[];
    expect(credits.map((c) => c.remaining)).toEqual([2]);
    // The coach sees it paid with a credit too, and so does the receipt.
    expect((await getBooking(carlaS, booking._id)).payment?.method).toBe('credit');
    const receipt = await t.http.get(`/api/bookings/${booking._id}/receipt`).set(as(client));
    expect(receipt.body).toMatchObject({ payment: { method: 'credit', status: 'paid' } });
  });

  it('uses the purchase that lapses first', async () => {
    const client = await newClient();
    const later = await buy(client, await addPackage(carlaS, { validityDays: 200 }));
    const sooner = await buy(client, await addPackage(carlaS, { validityDays: 20 }));
    const booking = await bookedWithCredit(client, carla, futureAt(freshDay(), '10:00'));
    expect(booking.payment?.creditPurchaseId).toBe(sooner._id);
    expect([await remainingOf(sooner._id), await remainingOf(later._id)]).toEqual([2, 3]);
  });

  it('answers 409 NO_CREDIT_AVAILABLE and books nothing without a usable credit', async () => {
    const client = await newClient();
    const start = futureAt(freshDay(), '10:00');
    const none = await bookWithCredit(client, carla, start);
    expect(none.status).toBe(409);
    expect(codeOf(none.body)).toBe('NO_CREDIT_AVAILABLE');

    // A package of the 30-minute sessions only does not pay for a 60-minute one.
    const thirty = await buy(
      client,
      await addPackage(carlaS, { sessionTypeIds: [carla.types[30] ?? ''] }),
    );
    const wrongType = await bookWithCredit(client, carla, start);
    expect(wrongType.status).toBe(409);
    expect(codeOf(wrongType.body)).toBe('NO_CREDIT_AVAILABLE');
    // Another coach's package pays nothing with Carla.
    await buy(client, await addPackage(annaS));
    expect((await bookWithCredit(client, carla, start)).status).toBe(409);

    // An expired purchase's credits cannot be used.
    const lapsing = await buy(client, await addPackage(carlaS));
    await PackagePurchase.updateOne(
      { _id: lapsing._id },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const expired = await bookWithCredit(client, carla, start);
    expect(expired.status).toBe(409);
    expect(await remainingOf(lapsing._id)).toBe(3);
    expect(await Booking.countDocuments({ client: client.user._id })).toBe(0);

    // The 30-minute package does book a 30-minute session.
    const res = await bookWithCredit(client, carla, start, 30);
    expect(res.status).toBe(201);
    expect(await remainingOf(thirty._id)).toBe(2);
  });

  it('refuses a useCredit that is not a boolean', async () => {
    const client = await newClient();
    const res = await t.http
      .post('/api/bookings')
      .set(as(client))
      .send({
        coachId: carla.user.id,
        sessionTypeId: carla.types[60],
        start: futureAt(freshDay(), '10:00'),
        useCredit: 'yes',
      });
    expect(res.status).toBe(400);
    expect((res.body as ApiErrorBody).error.details).toEqual([
      expect.objectContaining({ field: 'useCredit' }),
    ]);
  });

  it('gives the last credit to exactly one of two bookings made at once', async () => {
    const { client, purchase } = await clientWithCredits(1);
    const d = freshDay();
    const answers = await Promise.all([
      bookWithCredit(client, carla, futureAt(d, '09:00')),
      bookWithCredit(client, carla, futureAt(d, '15:00')),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409]);
    const refused = answers.find((res) => res.status === 409);
    expect(codeOf(refused?.body)).toBe('NO_CREDIT_AVAILABLE');
    expect(await remainingOf(purchase._id)).toBe(0);
    expect(await Booking.countDocuments({ client: client.user._id })).toBe(1);
    expect(await CreditUse.countDocuments({ purchase: purchase._id })).toBe(1);
  });
});

describe('credits follow the cancellation policy', () => {
  const useOf = async (bookingId: string) =>
    (await CreditUse.findOne({ booking: bookingId }).lean())?.state;

  it('returns the credit when the client cancels outside the fee window', async () => {
    const { client, purchase } = await clientWithCredits(2);
    const booking = await bookedWithCredit(client, carla, futureAt(freshDay(), '10:00'));
    expect(await remainingOf(purchase._id)).toBe(1);
    const cancelled = await act(client, booking._id, 'cancel');
    expect(cancelled.cancellation?.fee.amount).toBe(0);
    expect(await remainingOf(purchase._id)).toBe(2);
    expect(await useOf(booking._id)).toBe('returned');
    expect((await getBooking(client, booking._id)).payment).toMatchObject({
      method: 'credit',
      status: 'refunded',
    });
  });

  it('uses it up when the client cancels late (a fee)', async () => {
    const { client, purchase } = await clientWithCredits(2);
    // 3 hours ahead: inside the default 24-hour free window (50 % fee).
    const booking = await bookedWithCredit(client, carla, halfHourAfter(3));
    const cancelled = await act(client, booking._id, 'cancel');
    expect(cancelled.cancellation?.fee.amount).toBeGreaterThan(0);
    expect(await remainingOf(purchase._id)).toBe(1);
    expect(await useOf(booking._id)).toBe('consumed');
    expect((await getBooking(client, booking._id)).payment?.status).toBe('paid');
  });

  it('returns it when the coach cancels, even late', async () => {
    const { client, purchase } = await clientWithCredits(2);
    const booking = await bookedWithCredit(client, carla, halfHourAfter(5));
    await act(carlaS, booking._id, 'cancel');
    expect(await remainingOf(purchase._id)).toBe(2);
  });

  it('returns it when the coach declines the request', async () => {
    const client = await newClient();
    const purchase = await buy(client, await addPackage(annaS));
    const booking = await bookedWithCredit(client, anna, futureAt(freshDay(), '10:00'));
    expect(booking.status).toBe('pending');
    expect(await remainingOf(purchase._id)).toBe(2);
    await act(annaS, booking._id, 'decline');
    expect(await remainingOf(purchase._id)).toBe(3);
    expect(await useOf(booking._id)).toBe('returned');
  });

  it('uses it up when the session took place, or the client did not come', async () => {
    const { client, purchase } = await clientWithCredits(3);
    const d = freshDay();
    const held = await bookedWithCredit(client, carla, futureAt(d, '10:00'));
    const missed = await bookedWithCredit(client, carla, futureAt(d, '14:00'));
    // Both sessions are over now.
    for (const [id, hoursAgo] of [
      [held._id, 5],
      [missed._id, 3],
    ] as const) {
      const start = new Date(Date.now() - hoursAgo * 3_600_000);
      await Booking.updateOne(
        { _id: id },
        { $set: { start, end: new Date(start.getTime() + 3_600_000) } },
      );
    }
    await act(carlaS, held._id, 'complete');
    await act(carlaS, missed._id, 'no-show');
    expect(await remainingOf(purchase._id)).toBe(1);
    expect([await useOf(held._id), await useOf(missed._id)]).toEqual(['consumed', 'consumed']);
  });

  it('returns a credit once, even when the cancellation is delivered twice', async () => {
    events.clear();
    const { client, purchase } = await clientWithCredits(3);
    const booking = await bookedWithCredit(client, carla, futureAt(freshDay(), '10:00'));
    await act(client, booking._id, 'cancel');
    expect(await remainingOf(purchase._id)).toBe(3);
    const [published] = (await events.published()).filter((e) => e.name === 'booking.cancelled');
    expect(published).toBeDefined();
    t.server.events.publish('booking.cancelled', published?.payload as never);
    await t.server.events.settled();
    expect(await remainingOf(purchase._id)).toBe(3);
  });

  it('does not give a credit back to a purchase that has expired meanwhile', async () => {
    const { client, purchase } = await clientWithCredits(2);
    const booking = await bookedWithCredit(client, carla, futureAt(freshDay(), '10:00'));
    await PackagePurchase.updateOne(
      { _id: purchase._id },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    await act(client, booking._id, 'cancel');
    expect(await remainingOf(purchase._id)).toBe(1);
    const history = (await t.http.get('/api/users/me/package-purchases').set(as(client)))
      .body as PackagePurchaseDTO[];
    expect(history[0]?.status).toBe('expired');
  });
});
