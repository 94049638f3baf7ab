import type { BecomeCoachResponse } from '@coachhub/shared/coach';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { User } from '../users/user.model.js';
import { createCoach } from './coach-creation.js';
import { createCoachLifecycle, type CoachCreatedEvent } from './coach-lifecycle.js';
import { Coach } from './coach.model.js';

let t: TestServer;
let mia: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  mia = await sessionFor(await createUser({ firstName: 'Mia' }));
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const becomeCoach = (token: string, body: object = {}) =>
  t.http.post('/api/users/me/become-coach').set(bearer(token)).send(body);

describe('POST /api/users/me/become-coach', () => {
  it('creates a pending coach profile and makes the user a coach', async () => {
    const res = await becomeCoach(mia.accessToken, {
      headline: '  Career coaching for engineers ',
      specialties: ['career', 'leadership', 'career'],
      languages: ['EN', 'de'],
      timeZone: 'Europe/Berlin',
    });
    expect(res.status).toBe(201);
    const { user, coach } = res.body as BecomeCoachResponse;
    expect(user).toMatchObject({ _id: mia.user._id, role: 'coach', email: mia.user.email });
    expect(coach).toMatchObject({
      _id: mia.user._id,
      firstName: 'Mia',
      role: 'coach',
      headline: 'Career coaching for engineers',
      specialties: ['career', 'leadership'],
      languages: ['en', 'de'],
      timeZone: 'Europe/Berlin',
      verification: { status: 'pending', reason: null, reviewedAt: null },
      listed: true,
      rating: { average: 0, count: 0 },
      priceFrom: null,
    });
    // The role comes from the database on every request: the same token now acts as a coach.
    const me = await t.http.get('/api/users/me').set(bearer(mia.accessToken));
    expect(me.body).toMatchObject({ role: 'coach' });
  });

  it('is not repeatable: a second call answers 409 and changes nothing', async () => {
    const res = await becomeCoach(mia.accessToken, { headline: 'Again' });
    expect(res.status).toBe(409);
    expect(codeOf(res.body)).toBe('CONFLICT');
    expect(await Coach.countDocuments({ user: mia.user._id })).toBe(1);
    expect((await Coach.findOne({ user: mia.user._id }).lean())?.headline).toBe(
      'Career coaching for engineers',
    );
  });

  it('lets exactly one of two simultaneous calls through', async () => {
    const ben = await sessionFor(await createUser());
    const answers = await Promise.all([becomeCoach(ben.accessToken), becomeCoach(ben.accessToken)]);
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409]);
    expect(await Coach.countDocuments({ user: ben.user._id })).toBe(1);
  });

  it('defaults the time zone to the account one', async () => {
    const user = await createUser();
    await User.updateOne({ _id: user.id }, { $set: { timeZone: 'America/Chicago' } });
    const res = await becomeCoach((await sessionFor(user)).accessToken);
    expect((res.body as BecomeCoachResponse).coach.timeZone).toBe('America/Chicago');
  });

  it.each([
    [{ specialties: ['juggling'] }, 'specialties[0]'],
    [{ specialties: 'career' }, 'specialties'],
    [{ languages: ['xx'] }, 'languages[0]'],
    [{ timeZone: 'Mars/Base' }, 'timeZone'],
    [{ headline: 'x'.repeat(121) }, 'headline'],
    [{ bio: 'not here' }, 'bio'],
    [{ role: 'admin' }, 'role'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await becomeCoach(mia.accessToken, body);
    expect(res.status).toBe(400);
    const fields = (res.body as ApiErrorBody).error.details as { field: string }[];
    expect(fields.map((d) => d.field)).toContain(field);
  });

  it('refuses admins and anonymous callers', async () => {
    const admin = await sessionFor(await createUser({ role: 'admin' }));
    const res = await becomeCoach(admin.accessToken);
    expect(res.status).toBe(403);
    expect((await User.findById(admin.user._id).lean())?.role).toBe('admin');
    expect((await t.http.post('/api/users/me/become-coach').send({})).status).toBe(401);
  });
});

describe('the coach-created hook', () => {
  it('runs listeners inside the creating transaction', async () => {
    const lifecycle = createCoachLifecycle();
    const seen: CoachCreatedEvent[] = [];
    lifecycle.onCoachCreated(async (event) => {
      // A write through the session sees the uncommitted coach: same transaction.
      expect(await Coach.exists({ user: event.userId }).session(event.session)).toBeTruthy();
      seen.push(event);
    });
    const user = await createUser();
    await createCoach(user.id, { headline: 'Hooked' }, lifecycle);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.userId).toBe(user.id);
    expect(seen[0]?.coach.headline).toBe('Hooked');
  });

  it('rolls everything back when a listener fails: no coach, no role change', async () => {
    const lifecycle = createCoachLifecycle();
    const stop = lifecycle.onCoachCreated(async ({ session }) => {
      // What the scheduling feature will do: write its defaults in the same transaction...
      await User.updateOne({ firstName: 'Mia' }, { $set: { locale: 'de' } }, { session });
      throw new Error('default availability could not be created');
    });
    const user = await createUser();
    await expect(createCoach(user.id, {}, lifecycle)).rejects.toThrow(/default availability/);
    expect(await Coach.exists({ user: user.id })).toBeNull();
    expect((await User.findById(user.id).lean())?.role).toBe('client');
    expect((await User.findOne({ firstName: 'Mia' }).lean())?.locale).toBe('en');

    stop();
    await createCoach(user.id, {}, lifecycle);
    expect((await User.findById(user.id).lean())?.role).toBe('coach');
  });
});
