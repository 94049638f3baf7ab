import type { BookingDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOOKING_EVENTS, type DomainEvents } from '../../../core/events/domain-events.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { recordEvents } from '../../../../test/domain-events.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Booking } from './booking.model.js';

let t: TestServer;
let carla: BookableCoach; // requires approval; free cancellation until 24 hours before, then 50 %
let carlaS: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let recorder: ReturnType<typeof recordEvents>;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  carla = await createBookableCoach({
    availability: openAvailability('UTC', {
      requiresApproval: true,
      cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
    }),
  });
  [carlaS, lena, tom] = await Promise.all([
    sessionFor(carla.user),
    createUser().then(sessionFor),
    createUser().then(sessionFor),
  ]);
  recorder = recordEvents(t, BOOKING_EVENTS);
});
afterAll(() => t.close());
beforeEach(() => recorder.clear());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const as = (who: SignedIn) => bearer(who.accessToken);
const book = (who: SignedIn, start: string, headers: Record<string, string> = {}) =>
  t.http
    .post('/api/bookings')
    .set({ ...as(who), ...headers })
    .send({ coachId: carlaS.user._id, sessionTypeId: carla.types[60], start });
const act = (who: SignedIn, id: string, action: string, body: object = {}) =>
  t.http.post(`/api/bookings/${id}/${action}`).set(as(who)).send(body);

const published = () => recorder.published();

async function booked(who: SignedIn, start: string): Promise<BookingDTO> {
  const res = await book(who, start);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as BookingDTO;
}

describe('booking domain events', () => {
  it('publishes exactly one event per committed change, naming the booking, its people and who acted', async () => {
    const start = futureAt(5, '09:00');
    const booking = await booked(lena, start);
    expect((await act(carlaS, booking._id, 'confirm')).status).toBe(200);
    const moved = futureAt(5, '11:00');
    // Carla approves changes: Lena's move is a request until Carla approves it.
    expect((await act(lena, booking._id, 'reschedule', { start: moved })).status).toBe(202);
    expect((await act(carlaS, booking._id, 'approve-reschedule')).status).toBe(200);
    expect((await act(lena, booking._id, 'cancel', { reason: 'Travelling' })).status).toBe(200);

    const events = await published();
    expect(events.map((event) => event.name)).toEqual([
      'booking.created',
      'booking.confirmed',
      'booking.reschedule_requested',
      'booking.rescheduled',
      'booking.cancelled',
    ]);
    const people = { bookingId: booking._id, coachId: carlaS.user._id, clientId: lena.user._id };
    expect(events[0]?.payload).toMatchObject({
      booking: { ...people, status: 'pending', start: new Date(start) },
      by: 'client',
    });
    expect(events[1]?.payload).toMatchObject({
      booking: { ...people, status: 'confirmed' },
      by: 'coach',
    });
    expect(events[2]?.payload).toMatchObject({
      booking: { ...people, status: 'confirmed', start: new Date(start) },
      by: 'client',
      requestedStart: new Date(moved),
    });
    expect(events[3]?.payload).toMatchObject({
      booking: { ...people, status: 'confirmed', start: new Date(moved) },
      by: 'coach',
      previousStart: new Date(start),
    });
    // Five days ahead is outside the fee window (24 hours).
    expect(events[4]?.payload).toMatchObject({
      booking: { ...people, status: 'cancelled' },
      by: 'client',
      reason: 'Travelling',
      fee: { amount: 0, currency: 'EUR' },
    });
  });

  it('publishes decline, complete and no-show once each', async () => {
    const declined = await booked(lena, futureAt(6, '09:00'));
    const completed = await booked(lena, futureAt(6, '11:00'));
    const missed = await booked(tom, futureAt(6, '13:00'));
    for (const booking of [completed, missed]) {
      expect((await act(carlaS, booking._id, 'confirm')).status).toBe(200);
      // Move the session into the past, which the API never books, so it can be closed.
      const startAt = new Date(Date.now() - 90 * 60_000);
      await Booking.updateOne(
        { _id: booking._id },
        { $set: { start: startAt, end: new Date(startAt.getTime() + 3_600_000) } },
      );
    }
    recorder.clear();
    expect((await act(carlaS, declined._id, 'decline', { reason: 'Away' })).status).toBe(200);
    expect((await act(carlaS, completed._id, 'complete')).status).toBe(200);
    expect((await act(carlaS, missed._id, 'no-show')).status).toBe(200);

    const events = await published();
    expect(events.map((event) => [event.name, event.payload])).toEqual([
      ['booking.declined', expect.objectContaining({ reason: 'Away', by: 'coach' })],
      [
        'booking.completed',
        expect.objectContaining({ booking: expect.objectContaining({ status: 'completed' }) }),
      ],
      [
        'booking.no_show',
        expect.objectContaining({ booking: expect.objectContaining({ status: 'no_show' }) }),
      ],
    ]);
  });

  it('publishes nothing for a refused change (409) or an aborted transaction', async () => {
    const first = await booked(lena, futureAt(7, '09:00'));
    const second = await booked(tom, futureAt(7, '11:00'));
    expect((await act(carlaS, first._id, 'confirm')).status).toBe(200);
    recorder.clear();

    // Refused by the state machine before any write.
    const twice = await act(carlaS, first._id, 'confirm');
    expect(twice.status).toBe(409);
    expect(codeOf(twice.body)).toBe('INVALID_TRANSITION');
    // Refused inside the scheduling transaction, which is aborted.
    const onto = await act(tom, second._id, 'reschedule', { start: futureAt(7, '09:00') });
    expect(onto.status).toBe(409);
    expect(codeOf(onto.body)).toBe('BOOKING_CONFLICT');
    const taken = await book(tom, futureAt(7, '09:30'));
    expect(taken.status).toBe(409);

    expect(await published()).toEqual([]);
    expect((await Booking.findById(second._id).lean())?.start.toISOString()).toBe(
      new Date(futureAt(7, '11:00')).toISOString(),
    );
  });

  it('publishes one booking.created when many race for one slot, and none for a replayed retry', async () => {
    const racers = await Promise.all(
      Array.from({ length: 6 }, () => createUser().then(sessionFor)),
    );
    const start = futureAt(8, '10:00');
    const results = await Promise.all(racers.map((racer) => book(racer, start)));
    expect(results.filter((res) => res.status === 201)).toHaveLength(1);
    expect(results.filter((res) => res.status === 409)).toHaveLength(5);

    const retry = { 'Idempotency-Key': 'events-retry-1' };
    const original = await book(lena, futureAt(8, '14:00'), retry);
    const replayed = await book(lena, futureAt(8, '14:00'), retry);
    expect(original.status).toBe(201);
    expect(replayed.status).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');

    const winner = results.find((res) => res.status === 201)?.body as BookingDTO;
    const created = (await published()).filter((event) => event.name === 'booking.created');
    expect(
      created.map((event) => (event.payload as DomainEvents['booking.created']).booking.bookingId),
    ).toEqual([winner._id, (original.body as BookingDTO)._id]);
  });

  it('keeps the write when a subscriber fails', async () => {
    const unsubscribe = t.server.events.subscribe(
      'booking.created',
      'failing test subscriber',
      () => {
        throw new Error('subscriber broke');
      },
    );
    try {
      const booking = await booked(tom, futureAt(9, '09:00'));
      await published();
      expect((await Booking.findById(booking._id).lean())?.status).toBe('pending');
      expect((await published()).map((event) => event.name)).toEqual(['booking.created']);
    } finally {
      unsubscribe();
    }
  });
});
