import type { BookingDTO, BookingPage } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  addMinutes,
  createBookableCoach,
  futureAt,
  halfHourAfter,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Availability } from '../availability/availability.model.js';
import { Coach } from '../../coaches/coach.model.js';
import { PriceConfiguration } from '../pricing/price-configuration.model.js';
import { SessionType } from '../session-types/session-type.model.js';
import { Booking } from './booking.model.js';

let t: TestServer;
let anna: BookableCoach; // confirms automatically, 15 minutes of buffer after each session
let ben: BookableCoach; // needs approval
let annaS: SignedIn;
let benS: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { MEETING_BASE_URL: 'https://video.test/room-' });
  anna = await createBookableCoach({
    availability: openAvailability('UTC', { bufferAfterMinutes: 15 }),
    durations: [30, 60],
    coach: { firstName: 'Anna' },
  });
  ben = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true, dailyLimit: 1 }),
    durations: [30],
  });
  [annaS, benS, lena, tom, admin] = await Promise.all([
    sessionFor(anna.user),
    sessionFor(ben.user),
    createUser({ firstName: 'Lena' }).then(sessionFor),
    createUser({ firstName: 'Tom' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const fieldsOf = (body: unknown) =>
  ((body as ApiErrorBody).error.details as { field: string }[]).map((d) => d.field);
const as = (who: SignedIn) => bearer(who.accessToken);
const book = (who: SignedIn, body: object, key?: string) => {
  const call = t.http.post('/api/bookings').set(as(who));
  return (key ? call.set('Idempotency-Key', key) : call).send(body);
};
const annaBody = (start: string, minutes = 60, notes?: string) => ({
  coachId: annaS.user._id,
  sessionTypeId: anna.types[minutes],
  start,
  ...(notes === undefined ? {} : { notes }),
});

describe('POST /api/bookings', () => {
  it('books a free slot: confirmed with a meeting link when the coach needs no approval', async () => {
    const start = futureAt(2, '10:00');
    const res = await book(lena, annaBody(start, 60, '  First time '));
    expect(res.status).toBe(201);
    const booking = res.body as BookingDTO;
    expect(booking).toMatchObject({
      status: 'confirmed',
      start: new Date(start).toISOString(),
      end: addMinutes(start, 60),
      sessionType: {
        _id: anna.types[60],
        title: '60-minute session',
        durationMinutes: 60,
        mode: 'video',
      },
      client: { _id: lena.user._id, firstName: 'Lena', role: 'client' },
      coach: { _id: annaS.user._id, firstName: 'Anna' },
      quote: { amount: 8000, currency: 'EUR', lines: [{ kind: 'base', amount: 8000 }] },
      notes: 'First time',
      cancellation: null,
      history: [{ action: 'create', from: null, to: 'confirmed', by: 'client' }],
      allowedActions: ['cancel', 'reschedule'],
    });
    expect(booking.meetingUrl).toMatch(/^https:\/\/video\.test\/room-[0-9a-f]{32}$/);
    expect(booking.client).not.toHaveProperty('email');
  });

  it('makes a pending request without a link when the coach approves bookings', async () => {
    const res = await book(lena, {
      coachId: benS.user._id,
      sessionTypeId: ben.types[30],
      start: futureAt(3, '10:00'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      meetingUrl: null,
      allowedActions: ['cancel', 'reschedule'],
    });
  });

  it("refuses the coach's taken time, buffers included: 409 BOOKING_CONFLICT", async () => {
    // Lena holds 10:00-11:00 (+15 min buffer). 11:00 is inside the buffer; 10:30 overlaps.
    for (const start of [futureAt(2, '10:30'), futureAt(2, '11:00'), futureAt(2, '09:30')]) {
      const res = await book(tom, annaBody(start, 30));
      expect(res.status, start).toBe(409);
      expect(codeOf(res.body)).toBe('BOOKING_CONFLICT');
    }
    expect((await book(tom, annaBody(futureAt(2, '11:30'), 30))).status).toBe(201);
  });

  it('refuses a client a second session at the same time, with any coach', async () => {
    // Lena holds Anna 10:00-11:00; Ben is free at 10:30 (his day limit is checked last).
    const res = await book(lena, {
      coachId: benS.user._id,
      sessionTypeId: ben.types[30],
      start: futureAt(2, '10:30'),
    });
    expect(res.status).toBe(409);
    expect(codeOf(res.body)).toBe('BOOKING_CONFLICT');
  });

  it('refuses times the coach does not offer: 409 SLOT_UNAVAILABLE', async () => {
    const offGrid = await book(tom, annaBody(futureAt(3, '10:10'), 30));
    expect(codeOf(offGrid.body)).toBe('SLOT_UNAVAILABLE');
    const past = await book(tom, annaBody(futureAt(-1, '10:00'), 30));
    expect(codeOf(past.body)).toBe('SLOT_UNAVAILABLE');
    const beyondHorizon = await book(tom, annaBody(futureAt(61, '10:00'), 30));
    expect(codeOf(beyondHorizon.body)).toBe('SLOT_UNAVAILABLE');
    // Ben takes one booking a day: Lena has his day-3 slot.
    const dailyLimit = await book(tom, {
      coachId: benS.user._id,
      sessionTypeId: ben.types[30],
      start: futureAt(3, '15:00'),
    });
    expect(dailyLimit.status).toBe(409);
    expect(codeOf(dailyLimit.body)).toBe('SLOT_UNAVAILABLE');
    await Availability.updateOne(
      { coach: annaS.user._id },
      { $set: { 'settings.minNoticeHours': 48 } },
    );
    const tooSoon = await book(tom, annaBody(halfHourAfter(3), 30));
    expect(codeOf(tooSoon.body)).toBe('SLOT_UNAVAILABLE');
    await Availability.updateOne(
      { coach: annaS.user._id },
      { $set: { 'settings.minNoticeHours': 0 } },
    );
  });

  it('answers 404 for an inactive or foreign session type and for a coach who is not bookable', async () => {
    await SessionType.updateOne({ _id: anna.types[30] }, { $set: { active: false } });
    const inactive = await book(tom, annaBody(futureAt(4, '10:00'), 30));
    expect(inactive.status).toBe(404);
    await SessionType.updateOne({ _id: anna.types[30] }, { $set: { active: true } });
    const foreign = await book(tom, {
      ...annaBody(futureAt(4, '10:00')),
      sessionTypeId: ben.types[30],
    });
    expect(foreign.status).toBe(404);
    await Coach.updateOne({ user: annaS.user._id }, { $set: { 'verification.status': 'pending' } });
    expect((await book(tom, annaBody(futureAt(4, '10:00')))).status).toBe(404);
    await Coach.updateOne(
      { user: annaS.user._id },
      { $set: { 'verification.status': 'approved' } },
    );
  });

  it('stores the quote it was made at, discounts included', async () => {
    await PriceConfiguration.create({
      coach: annaS.user._id,
      currency: 'EUR',
      baseHourlyRate: 10000,
      discounts: [{ kind: 'first_session', label: 'Hello', percent: 10, active: true }],
    });
    const newcomer = await createUser().then(sessionFor);
    const res = await book(newcomer, annaBody(futureAt(5, '10:00')));
    expect((res.body as BookingDTO).quote).toMatchObject({
      amount: 9000,
      lines: [
        { kind: 'base', amount: 10000 },
        { kind: 'first_session', amount: -1000 },
      ],
    });
    await PriceConfiguration.updateOne({ coach: annaS.user._id }, { $set: { baseHourlyRate: 1 } });
    const stored = await t.http
      .get(`/api/bookings/${(res.body as BookingDTO)._id}`)
      .set(as(newcomer));
    expect((stored.body as BookingDTO).quote.amount).toBe(9000);
    await PriceConfiguration.deleteOne({ coach: annaS.user._id });
  });

  it.each([
    [{ sessionTypeId: '0123456789abcdef01234567', start: '2030-01-01T10:00:00Z' }, 'coachId'],
    [
      { coachId: 'x', sessionTypeId: '0123456789abcdef01234567', start: '2030-01-01T10:00:00Z' },
      'coachId',
    ],
    [
      {
        coachId: '0123456789abcdef01234567',
        sessionTypeId: '0123456789abcdef01234567',
        start: 'next week',
      },
      'start',
    ],
    [
      {
        coachId: '0123456789abcdef01234567',
        sessionTypeId: '0123456789abcdef01234567',
        start: '2030-13-01T10:00:00Z',
      },
      'start',
    ],
    [
      {
        coachId: '0123456789abcdef01234567',
        sessionTypeId: '0123456789abcdef01234567',
        start: '2030-01-01T10:00:00Z',
        status: 'confirmed',
      },
      'status',
    ],
    [
      {
        coachId: '0123456789abcdef01234567',
        sessionTypeId: '0123456789abcdef01234567',
        start: '2030-01-01T10:00:00Z',
        notes: 'x'.repeat(2001),
      },
      'notes',
    ],
    [
      {
        coachId: { $ne: null },
        sessionTypeId: '0123456789abcdef01234567',
        start: '2030-01-01T10:00:00Z',
      },
      'coachId.$ne',
    ],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await book(tom, body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('is refused to anonymous callers, admins and the coach themself', async () => {
    const body = annaBody(futureAt(6, '10:00'));
    expect((await t.http.post('/api/bookings').send(body)).status).toBe(401);
    expect((await book(admin, body)).status).toBe(403);
    expect((await book(annaS, body)).status).toBe(403);
    // A coach may book another coach.
    expect((await book(benS, body)).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first booking, same status and body', async () => {
    const body = annaBody(futureAt(7, '10:00'));
    const first = await book(tom, body, 'key-1');
    const retry = await book(tom, body, 'key-1');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await Booking.countDocuments({ client: tom.user._id, idempotencyKey: 'key-1' })).toBe(1);
  });

  it('answers simultaneous retries with one booking', async () => {
    for (const [round, time] of ['12:00', '13:30', '15:00', '17:00', '18:30'].entries()) {
      const body = annaBody(futureAt(8, time));
      const answers = await Promise.all([1, 2, 3, 4].map(() => book(tom, body, `key-2-${round}`)));
      expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((res) => (res.body as BookingDTO)._id)).size).toBe(1);
    }
  });

  it('refuses the same key with a different body: 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const res = await book(tom, annaBody(futureAt(7, '16:00')), 'key-1');
    expect(res.status).toBe(409);
    expect(codeOf(res.body)).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys belong to one client: Lena's key-1 is her own.
    expect((await book(lena, annaBody(futureAt(7, '16:00')), 'key-1')).status).toBe(201);
  });

  it('refuses a malformed key', async () => {
    const res = await book(tom, annaBody(futureAt(8, '10:00')), 'x'.repeat(201));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain('idempotency-key');
  });
});

describe('GET /api/bookings and /api/bookings/:id', () => {
  it("lists the caller's bookings with coach, client and their own allowed actions", async () => {
    const res = await t.http.get('/api/bookings?role=client').set(as(lena));
    expect(res.status).toBe(200);
    const page = res.body as BookingPage;
    expect(page.total).toBe(3);
    expect(page.items.every((item) => item.client._id === lena.user._id)).toBe(true);
    const starts = page.items.map((item) => item.start);
    expect([...starts].sort()).toEqual(starts);

    const coachView = (await t.http.get('/api/bookings?role=coach&status=pending').set(as(benS)))
      .body as BookingPage;
    expect(coachView.items).toHaveLength(1);
    expect(coachView.items[0]?.allowedActions).toEqual([
      'confirm',
      'decline',
      'cancel',
      'reschedule',
    ]);
  });

  it('filters by time and pages, latest first on request', async () => {
    const all = (await t.http.get('/api/bookings?role=coach&limit=100').set(as(annaS)))
      .body as BookingPage;
    expect(all.total).toBeGreaterThanOrEqual(6);
    const page = (
      await t.http.get('/api/bookings?role=coach&order=desc&page=2&limit=2').set(as(annaS))
    ).body as BookingPage;
    expect(page).toMatchObject({ page: 2, limit: 2, total: all.total });
    expect(page.items.map((item) => item._id)).toEqual(
      [...all.items]
        .reverse()
        .slice(2, 4)
        .map((item) => item._id),
    );
    const from = futureAt(7, '00:00');
    const to = futureAt(8, '00:00');
    const day = (
      await t.http.get('/api/bookings').query({ role: 'coach', from, to }).set(as(annaS))
    ).body as BookingPage;
    expect(day.items.length).toBeGreaterThan(0);
    expect(
      day.items.every(
        (item) =>
          item.start >= new Date(from).toISOString() && item.start < new Date(to).toISOString(),
      ),
    ).toBe(true);
  });

  it.each([
    ['role=admin', 'role'],
    ['status=lost', 'status'],
    ['from=yesterday', 'from'],
    ['from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', 'to'],
    ['limit=1000', 'limit'],
    ['role[$ne]=client', 'role[$ne]'],
    ['order=random', 'order'],
  ])('refuses ?%s', async (query, field) => {
    const res = await t.http.get(`/api/bookings?${query}`).set(as(lena));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('shows one booking to its participants and admins; others get 404', async () => {
    const { items } = (await t.http.get('/api/bookings?role=client').set(as(lena)))
      .body as BookingPage;
    const id = items[0]?._id ?? '';
    expect((await t.http.get(`/api/bookings/${id}`).set(as(lena))).status).toBe(200);
    const byCoach = await t.http.get(`/api/bookings/${id}`).set(as(annaS));
    expect((byCoach.body as BookingDTO).allowedActions).toContain('cancel');
    const byAdmin = await t.http.get(`/api/bookings/${id}`).set(as(admin));
    expect(byAdmin.status).toBe(200);
    expect((byAdmin.body as BookingDTO).allowedActions).toEqual([]);
    expect((await t.http.get(`/api/bookings/${id}`).set(as(tom))).status).toBe(404);
    expect((await t.http.get(`/api/bookings/${id}`).set(as(benS))).status).toBe(404);
    expect((await t.http.get('/api/bookings/0123456789abcdef01234567').set(as(lena))).status).toBe(
      404,
    );
    expect((await t.http.get('/api/bookings/nope').set(as(lena))).status).toBe(400);
    expect((await t.http.get(`/api/bookings/${id}`)).status).toBe(401);
    expect((await t.http.get('/api/bookings')).status).toBe(401);
  });
});
