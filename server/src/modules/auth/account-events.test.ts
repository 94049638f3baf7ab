import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEventName } from '../../core/events/domain-events.js';
import { createPendingCoach } from '../../../test/coach-fixtures.js';
import {
  bearer,
  createUser,
  sessionFor,
  signIn,
  TEST_PASSWORD,
  type SignedIn,
} from '../../../test/fixtures.js';
import { recordEvents } from '../../../test/domain-events.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

const RECORDED = [
  'session.revoked',
  'user.suspended',
  'user.reinstated',
  'coach.verification_changed',
] as const satisfies readonly DomainEventName[];

let t: TestServer;
let admin: SignedIn;
let recorder: ReturnType<typeof recordEvents>;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  admin = await sessionFor(await createUser({ role: 'admin' }));
  recorder = recordEvents(t, RECORDED);
});
afterAll(() => t.close());
beforeEach(() => recorder.clear());

const published = () => recorder.published();

const moderate = (action: 'suspend' | 'reinstate', userId: string) =>
  t.http
    .post(`/api/admin/users/${userId}/${action}`)
    .set(bearer(admin.accessToken))
    .send({ reason: 'Spam in messages' });

describe('account and session events', () => {
  it('suspension publishes the revoked sessions and user.suspended once; a repeat publishes nothing', async () => {
    const target = await sessionFor(await createUser());
    expect((await moderate('suspend', target.user._id)).status).toBe(200);
    expect((await moderate('suspend', target.user._id)).status).toBe(409);
    expect((await moderate('reinstate', target.user._id)).status).toBe(200);

    expect(await published()).toEqual([
      {
        name: 'session.revoked',
        payload: { userId: target.user._id, sessionId: target.sessionId, reason: 'suspended' },
      },
      {
        name: 'user.suspended',
        payload: { userId: target.user._id, by: admin.user._id, reason: 'Spam in messages' },
      },
      {
        name: 'user.reinstated',
        payload: { userId: target.user._id, by: admin.user._id, reason: 'Spam in messages' },
      },
    ]);
  });

  it('logout ends one session and says which; a second logout with the same cookie publishes nothing', async () => {
    const user = await createUser();
    const session = await signIn(t, user);
    for (let i = 0; i < 2; i++) {
      const res = await t.http.post('/api/auth/logout').set('Cookie', session.refreshCookie);
      expect(res.status).toBe(204);
    }
    const events = await published();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: 'session.revoked',
      payload: {
        userId: user.id,
        reason: 'logout',
        sessionId: expect.stringMatching(/^[0-9a-f]{24}$/),
      },
    });
  });

  it('a password change ends every session of the account, each announced once', async () => {
    const user = await createUser();
    const session = await signIn(t, user);
    const otherDevice = await signIn(t, user);
    const res = await t.http
      .post('/api/users/me/password')
      .set(bearer(session.accessToken))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a newer stronger passphrase 42' });
    expect(res.status).toBe(200);
    const events = await published();
    expect(events.map((event) => event.payload)).toEqual(
      expect.arrayContaining([
        { userId: user.id, sessionId: session.sessionId, reason: 'password_change' },
        { userId: user.id, sessionId: otherDevice.sessionId, reason: 'password_change' },
      ]),
    );
    expect(events).toHaveLength(2);
  });

  it('a verification decision publishes coach.verification_changed once', async () => {
    const coach = await createPendingCoach();
    const approve = () =>
      t.http.post(`/api/admin/coaches/${coach.id}/approve`).set(bearer(admin.accessToken)).send({});
    expect((await approve()).status).toBe(200);
    expect((await approve()).status).toBe(409);
    expect(await published()).toEqual([
      {
        name: 'coach.verification_changed',
        payload: {
          coachId: coach.id,
          status: 'approved',
          reason: 'Profile approved',
          by: admin.user._id,
        },
      },
    ]);
  });
});
