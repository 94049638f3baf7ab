import type { CoachProfileDTO, SessionTypeDTO } from '@coachhub/shared/booking';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import { futureAt } from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Availability } from '../availability/availability.model.js';
import { Booking } from '../bookings/booking.model.js';
import { Coach } from '../../coaches/coach.model.js';
import { PriceConfiguration } from '../pricing/price-configuration.model.js';
import { SessionType } from './session-type.model.js';

let t: TestServer;
let coach: SignedIn;
let otherCoach: SignedIn;
let client: SignedIn;
let pendingCoach: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  [coach, otherCoach, client, pendingCoach] = await Promise.all([
    createTestCoach({ firstName: 'Cora' }).then(sessionFor),
    createTestCoach().then(sessionFor),
    createUser().then(sessionFor),
    createTestCoach({
      profile: {
        verification: {
          status: 'pending',
          reason: null,
          submittedAt: new Date(),
          reviewedAt: null,
          reviewedBy: null,
        },
      },
    }).then(sessionFor),
  ]);
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const fieldsOf = (body: unknown) =>
  ((body as ApiErrorBody).error.details as { field: string }[]).map((d) => d.field);
const create = (who: SignedIn, body: object) =>
  t.http.post('/api/session-types').set(bearer(who.accessToken)).send(body);
const listOf = (coachId: string, who?: SignedIn) => {
  const call = t.http.get(`/api/coaches/${coachId}/session-types`);
  return who ? call.set(bearer(who.accessToken)) : call;
};

describe('POST /api/session-types', () => {
  it('creates a type with a slug from its title and a price from the pricing', async () => {
    const res = await create(coach, {
      title: '  Erstgespräch (30 Min.) ',
      durationMinutes: 30,
      mode: 'video',
      description: 'Getting to know each other',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      coachId: coach.user._id,
      title: 'Erstgespräch (30 Min.)',
      slug: 'erstgesprach-30-min',
      durationMinutes: 30,
      mode: 'video',
      active: true,
      // No configuration yet: the defaults, 80.00 EUR an hour.
      price: { amount: 4000, currency: 'EUR' },
    } satisfies Partial<SessionTypeDTO>);
    // The directory's price-from follows.
    expect((await Coach.findOne({ user: coach.user._id }).lean())?.priceFrom).toEqual({
      amount: 4000,
      currency: 'EUR',
    });
  });

  it('numbers a repeated title and refuses a slug that is taken', async () => {
    const again = await create(coach, {
      title: 'Erstgespräch 30 Min',
      durationMinutes: 30,
      mode: 'phone',
    });
    expect((again.body as SessionTypeDTO).slug).toBe('erstgesprach-30-min-2');
    const taken = await create(coach, {
      title: 'Other',
      slug: 'erstgesprach-30-min',
      durationMinutes: 45,
      mode: 'phone',
    });
    expect(taken.status).toBe(409);
    expect(codeOf(taken.body)).toBe('CONFLICT');
    // The same slug is fine for another coach.
    const other = await create(otherCoach, {
      title: 'Other',
      slug: 'erstgesprach-30-min',
      durationMinutes: 45,
      mode: 'in_person',
    });
    expect(other.status).toBe(201);
  });

  it.each([
    [{ durationMinutes: 30, mode: 'video' }, 'title'],
    [{ title: 'x', durationMinutes: 10, mode: 'video' }, 'durationMinutes'],
    [{ title: 'x', durationMinutes: 30.5, mode: 'video' }, 'durationMinutes'],
    [{ title: 'x', durationMinutes: '30', mode: 'video' }, 'durationMinutes'],
    [{ title: 'x', durationMinutes: 30, mode: 'carrier-pigeon' }, 'mode'],
    [{ title: 'x', durationMinutes: 30, mode: 'video', slug: 'Not A Slug' }, 'slug'],
    [{ title: 'x'.repeat(81), durationMinutes: 30, mode: 'video' }, 'title'],
    [{ title: 'x', durationMinutes: 30, mode: 'video', price: 100 }, 'price'],
    [{ title: { $gt: '' }, durationMinutes: 30, mode: 'video' }, 'title'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await create(coach, body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('is for coaches only', async () => {
    const body = { title: 'Mine', durationMinutes: 30, mode: 'video' };
    expect((await create(client, body)).status).toBe(403);
    expect((await t.http.post('/api/session-types').send(body)).status).toBe(401);
  });
});

describe('GET /api/coaches/:userId/session-types and the profile', () => {
  let hidden: SessionTypeDTO;

  beforeAll(async () => {
    hidden = (
      await create(coach, { title: 'Hidden', durationMinutes: 90, mode: 'video', active: false })
    ).body as SessionTypeDTO;
  });

  it('shows the active types to everyone and all of them to the coach', async () => {
    const publicList = (await listOf(coach.user._id)).body as SessionTypeDTO[];
    expect(publicList.map((type) => type.slug)).toEqual([
      'erstgesprach-30-min',
      'erstgesprach-30-min-2',
    ]);
    const own = (await listOf(coach.user._id, coach)).body as SessionTypeDTO[];
    expect(own.map((type) => type._id)).toContain(hidden._id);
    const byClient = (await listOf(coach.user._id, client)).body as SessionTypeDTO[];
    expect(byClient).toHaveLength(2);
  });

  it('puts the active types on the profile', async () => {
    const res = await t.http.get(`/api/coaches/${coach.user._id}`);
    const profile = res.body as CoachProfileDTO;
    expect(profile.firstName).toBe('Cora');
    expect(profile.sessionTypes.map((type) => type.slug)).toEqual([
      'erstgesprach-30-min',
      'erstgesprach-30-min-2',
    ]);
  });

  it('answers 404 for a hidden coach (except to the coach) and 400 for a bad id', async () => {
    expect((await listOf(pendingCoach.user._id)).status).toBe(404);
    expect((await listOf(pendingCoach.user._id, pendingCoach)).status).toBe(200);
    expect((await listOf('not-an-id')).status).toBe(400);
    expect((await listOf(client.user._id)).status).toBe(404);
  });
});

describe('PATCH and DELETE /api/session-types/:id', () => {
  let type: SessionTypeDTO;

  beforeAll(async () => {
    type = (await create(coach, { title: 'Deep dive', durationMinutes: 60, mode: 'video' }))
      .body as SessionTypeDTO;
  });

  it('lets the coach edit a type, and keeps priceFrom up to date', async () => {
    const res = await t.http
      .patch(`/api/session-types/${type._id}`)
      .set(bearer(coach.accessToken))
      .send({ durationMinutes: 15, description: 'Short now' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ durationMinutes: 15, price: { amount: 2000 } });
    expect((await Coach.findOne({ user: coach.user._id }).lean())?.priceFrom?.amount).toBe(2000);

    const off = await t.http
      .patch(`/api/session-types/${type._id}`)
      .set(bearer(coach.accessToken))
      .send({ active: false });
    expect((off.body as SessionTypeDTO).active).toBe(false);
    expect((await Coach.findOne({ user: coach.user._id }).lean())?.priceFrom?.amount).toBe(4000);
  });

  it('refuses other coaches, clients, unknown ids, taken slugs and unknown fields', async () => {
    const patch = (who: SignedIn, id: string, body: object) =>
      t.http.patch(`/api/session-types/${id}`).set(bearer(who.accessToken)).send(body);
    expect((await patch(otherCoach, type._id, { title: 'Mine now' })).status).toBe(403);
    expect((await patch(client, type._id, { title: 'Mine now' })).status).toBe(403);
    expect((await patch(coach, '0123456789abcdef01234567', { title: 'x' })).status).toBe(404);
    const taken = await patch(coach, type._id, { slug: 'erstgesprach-30-min' });
    expect(taken.status).toBe(409);
    expect(fieldsOf((await patch(coach, type._id, { coachId: client.user._id })).body)).toContain(
      'coachId',
    );
    expect(
      (await t.http.delete(`/api/session-types/${type._id}`).set(bearer(otherCoach.accessToken)))
        .status,
    ).toBe(403);
    expect((await SessionType.findById(type._id).lean())?.title).toBe('Deep dive');
  });

  it('refuses to delete a type with upcoming bookings (409 SESSION_TYPE_IN_USE), deletes it otherwise', async () => {
    const booking = await Booking.create({
      coach: coach.user._id,
      client: client.user._id,
      sessionType: type._id,
      sessionTypeSnapshot: { title: 'Deep dive', durationMinutes: 15, mode: 'video' },
      start: new Date(futureAt(3, '10:00')),
      end: new Date(futureAt(3, '10:15')),
      status: 'confirmed',
      quote: { amount: 2000, currency: 'EUR', lines: [] },
    });
    const del = () =>
      t.http.delete(`/api/session-types/${type._id}`).set(bearer(coach.accessToken));
    const refused = await del();
    expect(refused.status).toBe(409);
    expect(codeOf(refused.body)).toBe('SESSION_TYPE_IN_USE');

    await Booking.updateOne({ _id: booking._id }, { $set: { status: 'cancelled' } });
    await PriceConfiguration.create({
      coach: coach.user._id,
      currency: 'EUR',
      baseHourlyRate: 8000,
      sessionTypeRates: [{ sessionTypeId: type._id, rate: 1500 }],
    });
    expect((await del()).status).toBe(204);
    expect(await SessionType.exists({ _id: type._id })).toBeNull();
    // Its rate went with it, as a change of the configuration.
    const config = await PriceConfiguration.findOne({ coach: coach.user._id }).lean();
    expect(config?.sessionTypeRates).toEqual([]);
    expect(config?.metadata.version).toBe(2);
    // The past booking keeps its snapshot.
    expect((await Booking.findById(booking._id).lean())?.sessionTypeSnapshot.title).toBe(
      'Deep dive',
    );
    expect((await del()).status).toBe(404);
  });
});

describe('a coach made through become-coach', () => {
  it('gets the default price configuration and availability in the same transaction', async () => {
    const user = await createUser();
    const session = await sessionFor(user);
    const res = await t.http
      .post('/api/users/me/become-coach')
      .set(bearer(session.accessToken))
      .send({ timeZone: 'America/Chicago' });
    expect(res.status).toBe(201);
    const config = await PriceConfiguration.findOne({ coach: user.id }).lean();
    expect(config).toMatchObject({
      currency: 'EUR',
      baseHourlyRate: 8000,
      metadata: { version: 1 },
    });
    const availability = await Availability.findOne({ coach: user.id }).lean();
    expect(availability?.timeZone).toBe('America/Chicago');
    expect(availability?.weekly).toHaveLength(5);
    expect(availability?.settings.requiresApproval).toBe(true);
    expect((await Coach.findOne({ user: user.id }).lean())?.bookingSettings).toMatchObject({
      minNoticeHours: 24,
    });
  });
});
