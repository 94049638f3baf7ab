import type { SlotsResponse } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { AvailabilityDTO, PublicAvailabilityDTO } from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Coach } from '../../coaches/coach.model.js';

let t: TestServer;
let berlin: BookableCoach;
let coach: SignedIn;
let otherCoach: SignedIn;
let client: SignedIn;

/** Weekdays 09:00-12:00 and 13:00-17:00 in Berlin, a day off on `dayOff`. */
function workweek(dayOff: string): AvailabilityDTO {
  return {
    timeZone: 'Europe/Berlin',
    weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday: weekday as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '12:00' },
      { weekday: weekday as 1 | 2 | 3 | 4 | 5, start: '13:00', end: '17:00' },
    ]),
    overrides: [{ date: dayOff, intervals: [] }],
    settings: {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      minNoticeHours: 2,
      maxDaysAhead: 30,
      dailyLimit: 0,
      requiresApproval: true,
      cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
    },
  };
}

/** The next Monday at least 7 days ahead, in Berlin, as YYYY-MM-DD. */
const nextMonday = DateTime.now()
  .setZone('Europe/Berlin')
  .plus({ days: 7 })
  .startOf('week')
  .plus({ weeks: 1 });

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  berlin = await createBookableCoach({ availability: openAvailability('Europe/Berlin') });
  [coach, otherCoach, client] = await Promise.all([
    sessionFor(berlin.user),
    createBookableCoach().then((other) => sessionFor(other.user)),
    createUser().then(sessionFor),
  ]);
});
afterAll(() => t.close());

const fieldsOf = (body: unknown) =>
  ((body as ApiErrorBody).error.details as { field: string }[]).map((d) => d.field);
const availabilityUrl = () => `/api/availability/${coach.user._id}`;
const put = (who: SignedIn, body: unknown) =>
  t.http
    .put(availabilityUrl())
    .set(bearer(who.accessToken))
    .send(body as object);

describe('PUT /api/availability/:userId', () => {
  it('replaces the availability and the coach copy of the settings', async () => {
    const body = workweek(nextMonday.plus({ days: 2 }).toISODate() ?? '');
    const res = await put(coach, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(body);
    expect((await Coach.findOne({ user: coach.user._id }).lean())?.bookingSettings).toEqual(
      body.settings,
    );
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [
      {
        weekly: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
        ],
      },
      'weekly[1]',
    ],
    [{ weekly: [{ weekday: 7, start: '09:00', end: '12:00' }] }, 'weekly[0].weekday'],
    [{ weekly: [{ weekday: 1, start: '22:00', end: '02:00' }] }, 'weekly[0].end'],
    [{ weekly: [{ weekday: 1, start: '9am', end: '12:00' }] }, 'weekly[0].start'],
    [{ weekly: [{ weekday: 1, start: '09:00', end: '12:00', note: 'x' }] }, 'weekly[0].note'],
    [{ overrides: [{ date: '2026-02-30', intervals: [] }] }, 'overrides[0].date'],
    [{ overrides: [{ date: '2026-12-24' }] }, 'overrides[0].intervals'],
    [{ weekly: 'always' }, 'weekly'],
  ])('refuses %j naming %s', async (change, field) => {
    const res = await put(coach, { ...workweek('2026-12-24'), ...change });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it.each([
    [{ bufferAfterMinutes: 500 }, 'settings.bufferAfterMinutes'],
    [{ minNoticeHours: 24 * 40, maxDaysAhead: 30 }, 'settings.minNoticeHours'],
    [{ requiresApproval: 'yes' }, 'settings.requiresApproval'],
    [
      { cancellationPolicy: { freeUntilHours: 24, feePercent: 150 } },
      'settings.cancellationPolicy.feePercent',
    ],
    [{ secret: true }, 'settings.secret'],
  ])('refuses settings %j naming %s', async (change, field) => {
    const base = workweek('2026-12-24');
    const res = await put(coach, { ...base, settings: { ...base.settings, ...change } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('refuses missing parts, operators, other people and anonymous callers', async () => {
    const { overrides: _overrides, ...missing } = workweek('2026-12-24');
    expect(fieldsOf((await put(coach, missing)).body)).toContain('overrides');
    const injected = await put(coach, { ...workweek('2026-12-24'), timeZone: { $ne: null } });
    expect(injected.status).toBe(400);
    expect((await put(otherCoach, workweek('2026-12-24'))).status).toBe(403);
    expect((await put(client, workweek('2026-12-24'))).status).toBe(403);
    expect((await t.http.put(availabilityUrl()).send(workweek('2026-12-24'))).status).toBe(401);
  });
});

describe('GET /api/availability/:userId', () => {
  it('gives the coach everything and everyone else what a booking page needs', async () => {
    const own = (await t.http.get(availabilityUrl()).set(bearer(coach.accessToken)))
      .body as AvailabilityDTO;
    expect(own.overrides).toHaveLength(1);
    expect(own.settings.bufferAfterMinutes).toBe(15);
    for (const who of [undefined, client]) {
      const call = t.http.get(availabilityUrl());
      const res = await (who ? call.set(bearer(who.accessToken)) : call);
      const view = res.body as PublicAvailabilityDTO;
      expect(Object.keys(view).sort()).toEqual(['settings', 'timeZone', 'weekly']);
      expect(view.settings).toEqual({
        minNoticeHours: 2,
        maxDaysAhead: 30,
        requiresApproval: true,
        cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
      });
    }
    expect((await t.http.get(`/api/availability/${client.user._id}`)).status).toBe(404);
  });
});

describe('GET /api/coaches/:userId/slots', () => {
  const slots = (query: Record<string, string>) =>
    t.http.get(`/api/coaches/${coach.user._id}/slots`).query(query);
  const monday = () => nextMonday.set({ hour: 0 });

  it("offers the week in the coach's zone, minus the day off and the booked time", async () => {
    const from = monday().toUTC().toISO() ?? '';
    const to = monday().plus({ days: 7 }).toUTC().toISO() ?? '';
    const res = await slots({
      sessionTypeId: berlin.types[60] ?? '',
      from,
      to,
      timeZone: 'America/New_York',
    });
    expect(res.status).toBe(200);
    const body = res.body as SlotsResponse;
    expect(body.timeZone).toBe('America/New_York');
    expect(body.coachTimeZone).toBe('Europe/Berlin');
    const local = body.slots.map((slot) => DateTime.fromISO(slot.start).setZone('Europe/Berlin'));
    // Monday: 09:00..11:00 and 13:00..16:00 every half hour (60 minutes must fit).
    const mondayStarts = local.filter((d) => d.weekday === 1).map((d) => d.toFormat('HH:mm'));
    expect(mondayStarts).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
    ]);
    expect(local.some((d) => d.weekday === 3)).toBe(false); // the override: a day off
    expect(local.some((d) => d.weekday >= 6)).toBe(false);

    // A booking on Tuesday 10:00-11:00 (made as a client makes it, right after the read above)
    // blocks it with its 15-minute buffer after on the very next read.
    const tuesday = monday().plus({ days: 1 });
    const booked = await t.http
      .post('/api/bookings')
      .set(bearer(client.accessToken))
      .send({
        coachId: coach.user._id,
        sessionTypeId: berlin.types[60],
        start: tuesday.set({ hour: 10 }).toUTC().toISO(),
      });
    expect(booked.status).toBe(201);
    expect((booked.body as { status: string }).status).toBe('pending');
    const after = (await slots({ sessionTypeId: berlin.types[60] ?? '', from, to }))
      .body as SlotsResponse;
    expect(after.timeZone).toBe('Europe/Berlin');
    const tuesdayStarts = after.slots
      .map((slot) => DateTime.fromISO(slot.start).setZone('Europe/Berlin'))
      .filter((d) => d.weekday === 2)
      .map((d) => d.toFormat('HH:mm'));
    expect(tuesdayStarts.slice(0, 3)).toEqual(['13:00', '13:30', '14:00']);
  });

  it.each([
    [{ from: 'tomorrow' }, 'from'],
    [{ from: '2026-03-30T07:00:00' }, 'from'],
    [{ to: '2026-02-30T07:00:00Z' }, 'to'],
    [{ timeZone: 'Atlantis/Capital' }, 'timeZone'],
    [{ sessionTypeId: 'abc' }, 'sessionTypeId'],
    [{ sessionTypeId: '' }, 'sessionTypeId'],
    [{ 'from[$gt]': '' }, 'from[$gt]'],
    [{ extra: '1' }, 'extra'],
  ])('refuses %j naming %s', async (change, field) => {
    const query = {
      sessionTypeId: berlin.types[30] ?? '',
      from: futureAt(1, '00:00'),
      to: futureAt(8, '00:00'),
      ...change,
    };
    const res = await slots(query);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('refuses a range that is backwards or longer than 62 days, and repeated parameters', async () => {
    const sessionTypeId = berlin.types[30] ?? '';
    const backwards = await slots({
      sessionTypeId,
      from: futureAt(5, '00:00'),
      to: futureAt(4, '00:00'),
    });
    expect(fieldsOf(backwards.body)).toContain('to');
    const long = await slots({
      sessionTypeId,
      from: futureAt(1, '00:00'),
      to: futureAt(64, '00:00'),
    });
    expect(fieldsOf(long.body)).toContain('to');
    const repeated = await t.http.get(
      `/api/coaches/${coach.user._id}/slots?sessionTypeId=${sessionTypeId}&from=${futureAt(1, '00:00')}&from=${futureAt(2, '00:00')}&to=${futureAt(8, '00:00')}`,
    );
    expect(fieldsOf(repeated.body)).toContain('from');
  });

  it("answers 404 for another coach's session type and for someone who is not a coach", async () => {
    const foreign = await createBookableCoach();
    const query = {
      sessionTypeId: foreign.types[30] ?? '',
      from: futureAt(1, '00:00'),
      to: futureAt(2, '00:00'),
    };
    expect((await slots(query)).status).toBe(404);
    const notCoach = await t.http.get(`/api/coaches/${client.user._id}/slots`).query(query);
    expect(notCoach.status).toBe(404);
  });
});
