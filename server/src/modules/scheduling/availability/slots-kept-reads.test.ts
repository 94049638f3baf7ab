/**
 * Slots and booking lists read from the read cache (kept for 300 s here, so only a change can
 * make the next read differ): the very next read after a booking, a cancellation, an availability
 * change or a session type switched off shows it. One server, real HTTP.
 */
import type { BookingDTO, BookingPage, SlotsResponse } from '@coachhub/shared/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';

let t: TestServer;
let bookable: BookableCoach;
let coach: SignedIn;
let client: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { PUBLIC_READ_CACHE_SECONDS: '300' });
  bookable = await createBookableCoach({ availability: openAvailability('UTC') });
  [coach, client] = await Promise.all([sessionFor(bookable.user), createUser().then(sessionFor)]);
});
afterAll(() => t.close());

/** Slots come as full ISO instants (with milliseconds). */
const instant = (iso: string) => new Date(iso).toISOString();
const from = futureAt(3, '00:00');
const to = futureAt(4, '00:00');
const start = instant(futureAt(3, '10:00'));

async function slotStarts(sessionTypeId = bookable.types[60] ?? ''): Promise<string[] | number> {
  const res = await t.http
    .get(`/api/coaches/${coach.user._id}/slots`)
    .query({ sessionTypeId, from, to });
  if (res.status !== 200) return res.status;
  return (res.body as SlotsResponse).slots.map((slot) => slot.start);
}

async function clientBookings(): Promise<BookingDTO[]> {
  const res = await t.http.get('/api/bookings?role=client').set(bearer(client.accessToken));
  expect(res.status).toBe(200);
  return (res.body as BookingPage).items;
}

describe('kept slot inputs and booking lists', () => {
  it('a booking shows in the next slots and list; its cancellation frees the time again', async () => {
    // Read twice: the second read is served from what the first kept.
    expect(await slotStarts()).toContain(start);
    expect(await slotStarts()).toContain(start);
    expect(await clientBookings()).toEqual([]);

    const booked = await t.http
      .post('/api/bookings')
      .set(bearer(client.accessToken))
      .send({ coachId: coach.user._id, sessionTypeId: bookable.types[60], start });
    expect(booked.status).toBe(201);
    const booking = booked.body as BookingDTO;

    expect(await slotStarts()).not.toContain(start);
    const listed = await clientBookings();
    expect(listed.map((item) => [item._id, item.status])).toEqual([[booking._id, 'confirmed']]);

    const cancelled = await t.http
      .post(`/api/bookings/${booking._id}/cancel`)
      .set(bearer(client.accessToken))
      .send({});
    expect(cancelled.status).toBe(200);

    expect(await slotStarts()).toContain(start);
    expect((await clientBookings()).map((item) => item.status)).toEqual(['cancelled']);
  });

  it('an availability change shows in the next slots', async () => {
    expect(await slotStarts()).toContain(start);
    const mornings = openAvailability('UTC');
    mornings.weekly = mornings.weekly.map((day) => ({ ...day, start: '06:00', end: '09:00' }));
    const put = await t.http
      .put(`/api/availability/${coach.user._id}`)
      .set(bearer(coach.accessToken))
      .send(mornings);
    expect(put.status).toBe(200);

    const starts = await slotStarts();
    expect(starts).not.toContain(start);
    expect(starts).toContain(instant(futureAt(3, '06:00')));
  });

  it('a session type switched off offers no slots on the next read (404)', async () => {
    const typeId = bookable.types[30] ?? '';
    expect(Array.isArray(await slotStarts(typeId))).toBe(true);
    const off = await t.http
      .patch(`/api/session-types/${typeId}`)
      .set(bearer(coach.accessToken))
      .send({ active: false });
    expect(off.status).toBe(200);
    expect(await slotStarts(typeId)).toBe(404);
  });
});
