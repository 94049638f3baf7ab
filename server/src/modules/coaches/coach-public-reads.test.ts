import type { CoachDTO } from '@coachhub/shared/coach';
import type { SessionTypeDTO } from '@coachhub/shared/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Coach } from './coach.model.js';

let t: TestServer;
let carla: SignedIn;
let admin: SignedIn;
const DIRECTORY_COACHES = 14;

beforeAll(async () => {
  // A long cache: only the changes themselves may make a new answer show.
  t = await startTestServer(import.meta.filename, { PUBLIC_READ_CACHE_SECONDS: '300' });
  [carla, admin] = await Promise.all([
    createTestCoach({ firstName: 'Carla', profile: { headline: 'Career coach' } }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
  await Promise.all(
    Array.from({ length: DIRECTORY_COACHES - 1 }, (_, i) =>
      createTestCoach({ firstName: `Coach${i}`, profile: { headline: 'Leadership coach' } }),
    ),
  );
});
afterAll(() => t.close());

const profileUrl = () => `/api/coaches/${carla.user._id}`;
const typesUrl = () => `/api/coaches/${carla.user._id}/session-types`;

describe('compressed JSON', () => {
  it('compresses a directory page above 1 kB for a browser that accepts it, and not otherwise', async () => {
    const br = await t.http.get('/api/coaches?limit=24').set('Accept-Encoding', 'br, gzip');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect((br.body as { items: CoachDTO[] }).items).toHaveLength(DIRECTORY_COACHES);

    const gz = await t.http.get('/api/coaches?limit=24').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body).toEqual(br.body);

    const plain = await t.http.get('/api/coaches?limit=24').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(br.body);
  });

  it('sends a small answer as is', async () => {
    const res = await t.http.get('/health').set('Accept-Encoding', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('browser caching of public reads', () => {
  it('answers an anonymous read with an ETag, must-revalidate, and 304 when it is unchanged', async () => {
    for (const url of [profileUrl(), typesUrl(), '/api/coaches?limit=12']) {
      const first = await t.http.get(url);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"/);
      // The kept answer and a fresh one carry the same ETag.
      const again = await t.http.get(url);
      expect(again.headers.etag).toBe(etag);
      const revalidated = await t.http.get(url).set('If-None-Match', etag);
      expect(revalidated.status).toBe(304);
      expect(revalidated.text).toBeFalsy();
    }
  });

  it('keeps signed-in answers out of caches and out of the anonymous answers', async () => {
    const hidden = await t.http
      .post('/api/session-types')
      .set(bearer(carla.accessToken))
      .send({ title: 'Private intake', durationMinutes: 30, mode: 'video', active: false });
    expect(hidden.status).toBe(201);
    const anonymous = await t.http.get(typesUrl());
    const own = await t.http.get(typesUrl()).set(bearer(carla.accessToken));
    expect(own.headers['cache-control']).toBe('no-store');
    const titles = (res: { body: unknown }) => (res.body as SessionTypeDTO[]).map((s) => s.title);
    expect(titles(own)).toContain('Private intake');
    expect(titles(anonymous)).not.toContain('Private intake');
    expect(titles(await t.http.get(typesUrl()))).not.toContain('Private intake');
  });
});

describe('the in-process cache of public reads', () => {
  it('shows a profile edit on the very next request, in the profile and the directory', async () => {
    const before = await t.http.get(profileUrl());
    await t.http.get('/api/coaches?limit=24');
    const edited = await t.http
      .patch(profileUrl())
      .set(bearer(carla.accessToken))
      .send({ headline: 'Executive coach' });
    expect(edited.status).toBe(200);

    const after = await t.http
      .get(profileUrl())
      .set('If-None-Match', before.headers.etag as string);
    expect(after.status).toBe(200);
    expect((after.body as CoachDTO).headline).toBe('Executive coach');
    const page = (await t.http.get('/api/coaches?limit=24')).body as { items: CoachDTO[] };
    expect(page.items.find((c) => c._id === carla.user._id)?.headline).toBe('Executive coach');
  });

  it('shows a new session type and its price on the very next request', async () => {
    const before = (await t.http.get(typesUrl())).body as SessionTypeDTO[];
    const created = await t.http
      .post('/api/session-types')
      .set(bearer(carla.accessToken))
      .send({ title: 'Strategy hour', durationMinutes: 60, mode: 'video' });
    expect(created.status).toBe(201);
    const after = (await t.http.get(typesUrl())).body as SessionTypeDTO[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((s) => s.title === 'Strategy hour')?.price).toEqual(
      (created.body as SessionTypeDTO).price,
    );
  });

  it('drops a suspended coach from the directory and the profile on the next request', async () => {
    const profile = await t.http.get(profileUrl());
    expect(profile.status).toBe(200);
    const suspended = await t.http
      .post(`/api/admin/users/${carla.user._id}/suspend`)
      .set(bearer(admin.accessToken))
      .send({ reason: 'Checking reports' });
    expect(suspended.status).toBe(200);
    expect((await t.http.get(profileUrl())).status).toBe(404);
    const page = (await t.http.get('/api/coaches?limit=24')).body as { items: CoachDTO[] };
    expect(page.items.map((c) => c._id)).not.toContain(carla.user._id);
  });

  it('forgets its answers on the events of changes made outside a request', async () => {
    const other = (await Coach.findOne({ user: { $ne: carla.user._id } }).lean())!;
    const url = `/api/coaches/${other.user.toString()}`;
    expect((await t.http.get(url)).status).toBe(200);
    // A change straight in the database (as a job would make it) is not seen until its event.
    await Coach.updateOne({ _id: other._id }, { $set: { headline: 'Changed by a job' } });
    expect(((await t.http.get(url)).body as CoachDTO).headline).not.toBe('Changed by a job');
    t.server.events.publish('coach.verification_changed', {
      coachId: other.user.toString(),
      status: 'approved',
      reason: '',
      by: admin.user._id,
    });
    expect(((await t.http.get(url)).body as CoachDTO).headline).toBe('Changed by a job');
  });
});
