import type { BookingDTO } from '@coachhub/shared/booking';
import type { ReceiptDTO } from '@coachhub/shared/payment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { PaymentTransaction } from './payment-transaction.model.js';

let t: TestServer;
let coach: BookableCoach;
let coachS: SignedIn;
let lena: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  coach = await createBookableCoach({ coach: { firstName: 'Marco', lastName: 'Manual' } });
  [coachS, lena] = await Promise.all([
    sessionFor(coach.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
  ]);
});
afterAll(() => t.close());

const as = (who: SignedIn) => bearer(who.accessToken);

describe('the manual provider (no Stripe keys): pay at the session', () => {
  it('books as before, says the amount is due at the session, and takes no webhooks', async () => {
    const res = await t.http
      .post('/api/bookings')
      .set(as(lena))
      .send({
        coachId: coach.user.id,
        sessionTypeId: coach.types[60],
        start: futureAt(4, '10:00'),
      });
    expect(res.status).toBe(201);
    const booking = res.body as BookingDTO;
    expect(booking.status).toBe('confirmed');
    expect(res.body).not.toHaveProperty('checkoutUrl');
    expect(booking.payment).toEqual({
      method: 'manual',
      status: 'due_at_session',
      currency: 'EUR',
      amountDue: booking.quote.amount,
      amountPaid: 0,
      amountRefunded: 0,
    });

    const cancelled = await t.http
      .post(`/api/bookings/${booking._id}/cancel`)
      .set(as(coachS))
      .send({});
    expect(cancelled.status).toBe(200);
    await t.server.events.settled();
    expect(await PaymentTransaction.countDocuments()).toBe(0);

    const receipt = await t.http.get(`/api/bookings/${booking._id}/receipt`).set(as(lena));
    expect(receipt.status).toBe(200);
    expect(receipt.body as ReceiptDTO).toMatchObject({
      payment: { method: 'manual', status: 'due_at_session', amountPaid: 0 },
      transactions: [],
    });

    const webhook = await t.http
      .post('/api/payments/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', 't=1,v1=00')
      .send('{"id":"evt_1","type":"checkout.session.completed"}');
    expect(webhook.status).toBe(404);
  });
});
