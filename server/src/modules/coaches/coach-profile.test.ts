import type { CoachDTO } from '@coachhub/shared/coach';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Coach } from './coach.model.js';

let t: TestServer;
let coach: SignedIn;
let otherCoach: SignedIn;
let client: SignedIn;
let admin: SignedIn;
let pendingCoach: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  [coach, otherCoach, client, admin, pendingCoach] = await Promise.all([
    createTestCoach({ firstName: 'Carla', profile: { headline: 'Career coach' } }).then(sessionFor),
    createTestCoach({ firstName: 'Otto' }).then(sessionFor),
    createUser().then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
    createTestCoach({
      firstName: 'Penny',
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
const patch = (token: string | undefined, userId: string, body: object) => {
  const call = t.http.patch(`/api/coaches/${userId}`);
  return (token ? call.set(bearer(token)) : call).send(body);
};

describe('GET /api/coaches/:userId', () => {
  it('answers anyone with the CoachDTO of an approved coach, by user id', async () => {
    const res = await t.http.get(`/api/coaches/${coach.user._id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      _id: coach.user._id,
      firstName: 'Carla',
      headline: 'Career coach',
      online: false,
    });
  });

  it('hides an unapproved coach (404) except from the coach themself and admins', async () => {
    const url = `/api/coaches/${pendingCoach.user._id}`;
    expect((await t.http.get(url)).status).toBe(404);
    expect((await t.http.get(url).set(bearer(client.accessToken))).status).toBe(404);
    const own = await t.http.get(url).set(bearer(pendingCoach.accessToken));
    expect(own.status).toBe(200);
    expect((own.body as CoachDTO).verification.status).toBe('pending');
    expect((await t.http.get(url).set(bearer(admin.accessToken))).status).toBe(200);
  });

  it('answers 404 for unknown users and users without a coach profile, 400 for bad ids', async () => {
    expect((await t.http.get('/api/coaches/0123456789abcdef01234567')).status).toBe(404);
    expect((await t.http.get(`/api/coaches/${client.user._id}`)).status).toBe(404);
    const bad = await t.http.get('/api/coaches/not-an-id');
    expect(bad.status).toBe(400);
    expect(codeOf(bad.body)).toBe('VALIDATION_FAILED');
  });

  it('refuses a bad token instead of treating the caller as anonymous', async () => {
    const res = await t.http.get(`/api/coaches/${coach.user._id}`).set(bearer('garbage'));
    expect(res.status).toBe(401);
  });
});

describe('PATCH /api/coaches/:userId', () => {
  it('lets the coach edit the whitelisted profile fields', async () => {
    const changes = {
      headline: 'Leadership coach',
      bio: 'Ten years of leading teams.',
      specialties: ['leadership', 'communication'],
      languages: ['en', 'FR'],
      timeZone: 'America/New_York',
      listed: false,
    };
    const res = await patch(coach.accessToken, coach.user._id, changes);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...changes, languages: ['en', 'fr'] });
    // Credentials are trimmed too (their review is the next test's subject).
    const credentials = await patch(pendingCoach.accessToken, pendingCoach.user._id, {
      certifications: [' ICF PCC '],
      yearsOfExperience: 10,
    });
    expect(credentials.body).toMatchObject({ certifications: ['ICF PCC'], yearsOfExperience: 10 });
    const stored = await Coach.findOne({ user: coach.user._id }).lean();
    expect(stored?.timeZone).toBe('America/New_York');
    // Unlisted: still reachable by its link.
    expect((await t.http.get(`/api/coaches/${coach.user._id}`)).status).toBe(200);
  });

  it('refuses everyone but the coach: other coaches, clients and admins get 403', async () => {
    for (const caller of [otherCoach, client, admin]) {
      const res = await patch(caller.accessToken, coach.user._id, { headline: 'Hijacked' });
      expect(res.status).toBe(403);
      expect(codeOf(res.body)).toBe('FORBIDDEN');
    }
    expect((await patch(undefined, coach.user._id, { headline: 'x' })).status).toBe(401);
    expect((await Coach.findOne({ user: coach.user._id }).lean())?.headline).toBe(
      'Leadership coach',
    );
  });

  it('answers 404 to a user without a coach profile editing their own id', async () => {
    const res = await patch(client.accessToken, client.user._id, { headline: 'x' });
    expect(res.status).toBe(404);
  });

  it.each([
    [{ rating: { average: 5, count: 100 } }, 'rating'],
    [{ verification: { status: 'approved' } }, 'verification'],
    [{ priceFrom: { amount: 1, currency: 'EUR' } }, 'priceFrom'],
    [{ firstName: 'Renamed' }, 'firstName'],
    [{ user: '0123456789abcdef01234567' }, 'user'],
    [{ yearsOfExperience: 7.5 }, 'yearsOfExperience'],
    [{ yearsOfExperience: '7' }, 'yearsOfExperience'],
    [{ listed: 'yes' }, 'listed'],
    [{ timeZone: '+02:00' }, 'timeZone'],
    [{ specialties: ['career', 'astrology'] }, 'specialties[1]'],
    [{ certifications: Array.from({ length: 21 }, (_, i) => `c${i}`) }, 'certifications'],
    [{ bio: { $set: 'x' } }, 'bio'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await patch(coach.accessToken, coach.user._id, body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('puts a rejected coach back into the verification queue on edit', async () => {
    await Coach.updateOne(
      { user: otherCoach.user._id },
      { $set: { 'verification.status': 'rejected', 'verification.reason': 'Add a bio' } },
    );
    const res = await patch(otherCoach.accessToken, otherCoach.user._id, { bio: 'Now with a bio' });
    expect(res.status).toBe(200);
    expect((res.body as CoachDTO).verification).toMatchObject({ status: 'pending', reason: null });
  });

  it('sends an approved coach back to review for new credentials, not for new wording', async () => {
    const approved = await createTestCoach({
      firstName: 'Vera',
      profile: { certifications: ['ICF ACC'], yearsOfExperience: 5 },
    }).then(sessionFor);
    const listed = async () => {
      const res = await t.http.get(`/api/coaches/${approved.user._id}`);
      return res.status;
    };
    expect(await listed()).toBe(200);

    const wording = await patch(approved.accessToken, approved.user._id, {
      headline: 'Leadership coach',
      certifications: ['ICF ACC'],
      yearsOfExperience: 5,
    });
    expect((wording.body as CoachDTO).verification.status).toBe('approved');
    expect(await listed()).toBe(200);

    const credentials = await patch(approved.accessToken, approved.user._id, {
      certifications: ['ICF ACC', 'ICF PCC'],
    });
    expect(credentials.status).toBe(200);
    expect((credentials.body as CoachDTO).verification).toMatchObject({
      status: 'pending',
      reason: null,
    });
    // Out of the directory until an admin looks again; in the admin's queue meanwhile.
    expect(await listed()).toBe(404);
    const queue = await t.http.get('/api/admin/coaches/pending').set(bearer(admin.accessToken));
    expect(JSON.stringify(queue.body)).toContain(approved.user._id);
  });
});

describe('PATCH /api/users/me keeps the directory copy of the names in step', () => {
  it('renames the coach for the name search too', async () => {
    const res = await t.http
      .patch('/api/users/me')
      .set(bearer(coach.accessToken))
      .send({ firstName: 'Carlotta' });
    expect(res.status).toBe(200);
    expect((await Coach.findOne({ user: coach.user._id }).lean())?.firstName).toBe('Carlotta');
    await patch(coach.accessToken, coach.user._id, { listed: true });
    const found = await t.http.get('/api/coaches?q=carlotta');
    expect((found.body as { items: CoachDTO[] }).items.map((c) => c._id)).toEqual([coach.user._id]);
  });
});
