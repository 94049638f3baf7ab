/**
 * Signed-in requests reuse what they know of the session and its account (the principal cache),
 * yet every change to it applies to the very next request: each case first makes a request that
 * fills the cache, changes the account or session, then asks again at once. Real server, real
 * HTTP and Socket.IO, REQUIRE_ADMIN_2FA on.
 */
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { ProfilePictureResponse, UserDTO } from '@coachhub/shared/user';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images } from '../../../test/coach-fixtures.js';
import {
  bearer,
  createUser,
  sessionFor,
  signIn,
  TEST_PASSWORD,
  type SignedIn,
} from '../../../test/fixtures.js';
import { closeAllSockets, connectSocket, refusedHandshake } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { enableTwoFactor } from '../../../test/two-factor-fixtures.js';
import { User } from '../users/user.model.js';

let t: TestServer;
let admin: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { REQUIRE_ADMIN_2FA: 'true' });
  const adminUser = await createUser({ role: 'admin' });
  admin = await sessionFor(adminUser);
  await enableTwoFactor(t, admin.accessToken);
});
afterEach(() => closeAllSockets());
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const me = (who: SignedIn) => t.http.get('/api/users/me').set(bearer(who.accessToken));
const notifications = (who: SignedIn) =>
  t.http.get('/api/notifications').set(bearer(who.accessToken));

/** A request that succeeds, so the session's principal is now remembered. */
async function warm(who: SignedIn) {
  const res = await me(who);
  expect(res.status).toBe(200);
  expect((await notifications(who)).status).toBe(200);
}

const moderate = (action: 'suspend' | 'reinstate', userId: string) =>
  t.http
    .post(`/api/admin/users/${userId}/${action}`)
    .set(bearer(admin.accessToken))
    .send({ reason: 'Spam in messages' });

describe('the very next request after a change', () => {
  it('is refused after a suspension, on HTTP and for a new socket', async () => {
    const target = await sessionFor(await createUser());
    await warm(target);
    await connectSocket(t.baseUrl, target.accessToken);
    expect((await moderate('suspend', target.user._id)).status).toBe(200);

    const next = await notifications(target);
    expect(next.status).toBe(403);
    expect(codeOf(next.body)).toBe('ACCOUNT_SUSPENDED');
    expect((await refusedHandshake(t.baseUrl, target.accessToken)).data?.code).toBe(
      'ACCOUNT_SUSPENDED',
    );
  });

  it('is accepted again after reinstatement, with a new sign-in', async () => {
    const user = await createUser();
    const before = await sessionFor(user);
    await warm(before);
    expect((await moderate('suspend', user.id)).status).toBe(200);
    expect((await me(before)).status).toBe(403);
    expect((await moderate('reinstate', user.id)).status).toBe(200);
    // The old session ended with the suspension; a new one works at once.
    const after = await signIn(t, user);
    expect((await me(after)).status).toBe(200);
    expect((await me(before)).status).toBe(401);
  });

  it('is refused after logout, for that session only', async () => {
    const user = await createUser();
    const [laptop, phone] = await Promise.all([sessionFor(user), sessionFor(user)]);
    await Promise.all([warm(laptop), warm(phone)]);
    const out = await t.http.post('/api/auth/logout').set('Cookie', laptop.refreshCookie).send();
    expect(out.status).toBe(204);

    const next = await me(laptop);
    expect(next.status).toBe(401);
    expect(codeOf(next.body)).toBe('INVALID_TOKEN');
    expect((await refusedHandshake(t.baseUrl, laptop.accessToken)).data?.code).toBe(
      'INVALID_TOKEN',
    );
    expect((await me(phone)).status).toBe(200);
  });

  it('is refused for a session its user ended from the list, and for the others signed out', async () => {
    const user = await createUser();
    const [here, lost, old] = await Promise.all([
      sessionFor(user),
      sessionFor(user),
      sessionFor(user),
    ]);
    await Promise.all([warm(here), warm(lost), warm(old)]);

    const ended = await t.http
      .delete(`/api/auth/sessions/${lost.sessionId}`)
      .set(bearer(here.accessToken));
    expect(ended.status).toBe(204);
    expect((await me(lost)).status).toBe(401);
    expect((await me(old)).status).toBe(200);

    const others = await t.http
      .post('/api/auth/sessions/revoke-others')
      .set(bearer(here.accessToken));
    expect(others.status).toBe(200);
    expect((await me(old)).status).toBe(401);
    expect((await me(here)).status).toBe(200);
  });

  it('is refused for the other sessions after a password change', async () => {
    const user = await createUser();
    const [here, elsewhere] = await Promise.all([signIn(t, user), sessionFor(user)]);
    await Promise.all([warm(here), warm(elsewhere)]);
    const changed = await t.http
      .post('/api/users/me/password')
      .set(bearer(here.accessToken))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'another fine password' });
    expect(changed.status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
  });

  it('carries the coach role once the user became a coach', async () => {
    const client = await sessionFor(await createUser());
    await warm(client);
    // A client cannot reach the coach's own routes.
    expect((await t.http.get('/api/dashboard/coach').set(bearer(client.accessToken))).status).toBe(
      403,
    );
    const became = await t.http
      .post('/api/users/me/become-coach')
      .set(bearer(client.accessToken))
      .send({ headline: 'Career coach' });
    expect(became.status).toBe(201);

    // Same access token (its role claim still says client): the role comes from the account.
    expect(((await me(client)).body as UserDTO).role).toBe('coach');
    expect((await t.http.get('/api/dashboard/coach').set(bearer(client.accessToken))).status).toBe(
      200,
    );
  });

  it('answers /users/me with a profile edit and a new picture at once', async () => {
    const user = await sessionFor(await createUser({ firstName: 'Lena' }));
    await warm(user);
    const edited = await t.http
      .patch('/api/users/me')
      .set(bearer(user.accessToken))
      .send({ firstName: 'Helena', locale: 'de', timeZone: 'America/New_York' });
    expect(edited.status).toBe(200);
    expect((await me(user)).body).toEqual(edited.body);
    expect((await me(user)).body).toMatchObject({
      firstName: 'Helena',
      locale: 'de',
      timeZone: 'America/New_York',
    });

    const uploaded = await t.http
      .post('/api/users/me/profile-picture')
      .set(bearer(user.accessToken))
      .attach('file', images.png(7), { filename: 'me.png', contentType: 'image/png' });
    expect(uploaded.status).toBe(200);
    const { profilePicture } = uploaded.body as ProfilePictureResponse;
    expect(((await me(user)).body as UserDTO).profilePicture).toEqual(profilePicture);
  });

  it('answers /users/me of the acting admin with the account as written by a suspension', async () => {
    const before = (await me(admin)).body as UserDTO;
    const target = await sessionFor(await createUser());
    expect((await moderate('suspend', target.user._id)).status).toBe(200);
    // The last-admin rule writes the acting admin's account in the same commit.
    const stored = await User.findById(admin.user._id).lean();
    const after = (await me(admin)).body as UserDTO;
    expect(after.updatedAt).toBe(stored?.updatedAt.toISOString());
    expect(after.updatedAt).not.toBe(before.updatedAt);
  });

  it('frees an admin held back for two-factor sign-in as soon as it is turned on', async () => {
    const held = await sessionFor(await createUser({ role: 'admin' }));
    await me(held);
    const before = await t.http.get('/api/admin/audit-log').set(bearer(held.accessToken));
    expect(codeOf(before.body)).toBe('TWO_FACTOR_REQUIRED');
    await enableTwoFactor(t, held.accessToken);
    expect((await t.http.get('/api/admin/audit-log').set(bearer(held.accessToken))).status).toBe(
      200,
    );
  });
});
