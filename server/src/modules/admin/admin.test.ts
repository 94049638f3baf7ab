import type { AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { Page } from '@coachhub/shared/pagination';
import type { UserDTO } from '@coachhub/shared/user';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../users/user.model.js';
import {
  bearer,
  createUser,
  sessionFor,
  signIn,
  type SignedIn,
  type TestUser,
} from '../../../test/fixtures.js';
import {
  closeAllSockets,
  connectSocket,
  disconnected,
  nextEvent,
  refusedHandshake,
} from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let admin: SignedIn;
let coach: SignedIn;
let clientUser: TestUser;
let client: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  const [adminUser, coachUser] = await Promise.all([
    createUser({ role: 'admin' }),
    createUser({ role: 'coach' }),
  ]);
  clientUser = await createUser({ role: 'client' });
  [admin, coach, client] = await Promise.all([
    signIn(t, adminUser),
    signIn(t, coachUser),
    signIn(t, clientUser),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const moderate = (action: 'suspend' | 'reinstate', token: string, userId: string, body: object) =>
  t.http.post(`/api/admin/users/${userId}/${action}`).set(bearer(token)).send(body);

describe('admin routes: role checks and validation', () => {
  it('refuses clients and coaches with 403 FORBIDDEN, and anonymous callers with 401', async () => {
    for (const caller of [client, coach]) {
      const res = await moderate('suspend', caller.accessToken, admin.user._id, { reason: 'x' });
      expect(res.status).toBe(403);
      expect(codeOf(res.body)).toBe('FORBIDDEN');
      const log = await t.http.get('/api/admin/audit-log').set(bearer(caller.accessToken));
      expect(codeOf(log.body)).toBe('FORBIDDEN');
    }
    const anonymous = await t.http.post(`/api/admin/users/${client.user._id}/suspend`);
    expect(codeOf(anonymous.body)).toBe('UNAUTHENTICATED');
  });

  it('validates the id and the reason', async () => {
    const badId = await moderate('suspend', admin.accessToken, 'not-an-id', { reason: 'spam' });
    expect(badId.status).toBe(400);
    const noReason = await moderate('suspend', admin.accessToken, client.user._id, {});
    expect(noReason.status).toBe(400);
    expect(codeOf(noReason.body)).toBe('VALIDATION_FAILED');
    const unknown = await moderate('suspend', admin.accessToken, '0123456789abcdef01234567', {
      reason: 'spam',
    });
    expect(unknown.status).toBe(404);
    expect(codeOf(unknown.body)).toBe('NOT_FOUND');
  });

  it('does not let an admin suspend themself', async () => {
    const res = await moderate('suspend', admin.accessToken, admin.user._id, { reason: 'oops' });
    expect(res.status).toBe(403);
    expect(codeOf(res.body)).toBe('FORBIDDEN');
  });
});

describe('suspension', () => {
  it('takes effect at once: every authenticated route, open sockets and new handshakes', async () => {
    const socket = await connectSocket(t.baseUrl, client.accessToken);
    const notice = nextEvent(socket, 'account:suspended');
    const closed = disconnected(socket);

    const res = await moderate('suspend', admin.accessToken, client.user._id, {
      reason: 'Spam messages',
    });
    expect(res.status).toBe(200);
    expect((res.body as UserDTO).status).toBe('suspended');

    expect(await notice).toEqual({ reason: 'Spam messages' });
    expect(await closed).toBe('io server disconnect');

    const token = client.accessToken;
    const attempts = [
      t.http.get('/api/users/me').set(bearer(token)),
      t.http.patch('/api/users/me').set(bearer(token)).send({ firstName: 'X' }),
      t.http
        .post('/api/users/me/password')
        .set(bearer(token))
        .send({ currentPassword: clientUser.password, newPassword: 'some new passphrase' }),
    ];
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.status).toBe(403);
      expect(codeOf(attempt.body)).toBe('ACCOUNT_SUSPENDED');
    }
    const refresh = await t.http.post('/api/auth/refresh').set('Cookie', client.refreshCookie);
    expect(refresh.status).toBe(401);
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: clientUser.email, password: clientUser.password });
    expect(login.status).toBe(403);
    expect(codeOf(login.body)).toBe('ACCOUNT_SUSPENDED');

    const refusal = await refusedHandshake(t.baseUrl, token);
    expect(refusal.data?.code).toBe('ACCOUNT_SUSPENDED');
  });

  it('answers 409 CONFLICT when the account is already suspended', async () => {
    const res = await moderate('suspend', admin.accessToken, client.user._id, { reason: 'again' });
    expect(res.status).toBe(409);
    expect(codeOf(res.body)).toBe('CONFLICT');
  });

  it('reinstates: the user can sign in again', async () => {
    const res = await moderate('reinstate', admin.accessToken, client.user._id, {
      reason: 'Appeal accepted',
    });
    expect(res.status).toBe(200);
    expect((res.body as UserDTO).status).toBe('active');
    const again = await signIn(t, clientUser);
    expect((await t.http.get('/api/users/me').set(bearer(again.accessToken))).status).toBe(200);
    const twice = await moderate('reinstate', admin.accessToken, client.user._id, { reason: 'x' });
    expect(codeOf(twice.body)).toBe('CONFLICT');
  });
});

describe('GET /api/admin/audit-log', () => {
  it('lists every admin action, newest first, with who, what, target, when and why', async () => {
    const res = await t.http.get('/api/admin/audit-log').set(bearer(admin.accessToken));
    expect(res.status).toBe(200);
    const page = res.body as Page<AuditLogEntryDTO>;
    expect(page).toMatchObject({ page: 1, limit: 20, total: 2 });
    expect(page.items.map((entry) => [entry.action, entry.reason])).toEqual([
      ['user.reinstate', 'Appeal accepted'],
      ['user.suspend', 'Spam messages'],
    ]);
    expect(page.items[0]).toMatchObject({
      actor: { _id: admin.user._id, email: admin.user.email },
      targetType: 'user',
      targetId: client.user._id,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('pages', async () => {
    const res = await t.http
      .get('/api/admin/audit-log?page=2&limit=1')
      .set(bearer(admin.accessToken));
    const page = res.body as Page<AuditLogEntryDTO>;
    expect(page).toMatchObject({ page: 2, limit: 1, total: 2 });
    expect(page.items.map((entry) => entry.action)).toEqual(['user.suspend']);
    const tooMany = await t.http
      .get('/api/admin/audit-log?limit=1000')
      .set(bearer(admin.accessToken));
    expect(tooMany.status).toBe(400);
  });
});

describe('the last active admin', () => {
  it('never leaves the product without an active admin, even when two suspend each other at once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [first, second] = await Promise.all([
        createUser({ role: 'admin' }).then((user) => sessionFor(user)),
        createUser({ role: 'admin' }).then((user) => sessionFor(user)),
      ]);
      const answers = await Promise.all([
        moderate('suspend', first.accessToken, second.user._id, { reason: 'mutiny' }),
        moderate('suspend', second.accessToken, first.user._id, { reason: 'mutiny' }),
      ]);
      const statuses = answers.map((res) => res.status).sort();
      // One wins; the other's own account is suspended by then (403 at the door or inside).
      expect(statuses).toEqual([200, 403]);
      const pair = await User.find({ _id: { $in: [first.user._id, second.user._id] } }).lean();
      expect(pair.filter((user) => user.status === 'active')).toHaveLength(1);
    }
  });
});
