/**
 * Two server processes sharing Redis, each with its own principal cache: a suspension, logout,
 * role or profile change made through one process applies to the very next request on the other. Two real
 * processes of the server's entry point, one memory-mongo process, one real redis-server.
 */
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { UserDTO } from '@coachhub/shared/user';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  startRedisCluster,
  type RedisCluster,
  type ServerProcess,
} from '../../../test/processes.js';

const STARTUP_MS = 90_000;

let cluster: RedisCluster;
let processA: ServerProcess;
let processB: ServerProcess;
let admin: SignedIn;

beforeAll(async () => {
  cluster = await startRedisCluster('coachhub_principal_processes', { REQUIRE_ADMIN_2FA: 'false' });
  [processA, processB] = cluster.servers;
  admin = await sessionFor(await createUser({ role: 'admin' }));
}, STARTUP_MS);

afterAll(async () => {
  await cluster?.stop();
});

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const me = (on: ServerProcess, who: SignedIn) =>
  request(on.baseUrl).get('/api/users/me').set(bearer(who.accessToken));

/** Both processes have served the session, so both remember its principal. */
async function warmBoth(who: SignedIn) {
  for (const on of [processA, processB]) {
    expect((await me(on, who)).status).toBe(200);
    expect((await me(on, who)).status).toBe(200);
  }
}

describe('principal caches of two processes sharing Redis', () => {
  it('a suspension through one process refuses the next request on the other', async () => {
    const target = await sessionFor(await createUser());
    await warmBoth(target);
    const suspended = await request(processA.baseUrl)
      .post(`/api/admin/users/${target.user._id}/suspend`)
      .set(bearer(admin.accessToken))
      .send({ reason: 'Spam in messages' });
    expect(suspended.status).toBe(200);

    const next = await me(processB, target);
    expect(next.status).toBe(403);
    expect(codeOf(next.body)).toBe('ACCOUNT_SUSPENDED');
  });

  it('a logout on one process ends the session on the other at once', async () => {
    const user = await createUser();
    const [laptop, phone] = await Promise.all([sessionFor(user), sessionFor(user)]);
    await warmBoth(laptop);
    await warmBoth(phone);
    const out = await request(processA.baseUrl)
      .post('/api/auth/logout')
      .set('Cookie', laptop.refreshCookie)
      .send();
    expect(out.status).toBe(204);

    const next = await me(processB, laptop);
    expect(next.status).toBe(401);
    expect(codeOf(next.body)).toBe('INVALID_TOKEN');
    expect((await me(processB, phone)).status).toBe(200);
  });

  it('a profile edit through one process is what /users/me answers on the other', async () => {
    const user = await sessionFor(await createUser({ firstName: 'Lena' }));
    await warmBoth(user);
    const edited = await request(processA.baseUrl)
      .patch('/api/users/me')
      .set(bearer(user.accessToken))
      .send({ firstName: 'Helena', locale: 'de' });
    expect(edited.status).toBe(200);

    const next = await me(processB, user);
    expect(next.body).toEqual(edited.body);
    expect(next.body).toMatchObject({ firstName: 'Helena', locale: 'de' });
  });

  it('a user who became a coach through one process is a coach on the other', async () => {
    const client = await sessionFor(await createUser());
    await warmBoth(client);
    const held = await request(processB.baseUrl)
      .get('/api/dashboard/coach')
      .set(bearer(client.accessToken));
    expect(held.status).toBe(403);
    const became = await request(processA.baseUrl)
      .post('/api/users/me/become-coach')
      .set(bearer(client.accessToken))
      .send({ headline: 'Career coach' });
    expect(became.status).toBe(201);

    const dashboard = await request(processB.baseUrl)
      .get('/api/dashboard/coach')
      .set(bearer(client.accessToken));
    expect(dashboard.status).toBe(200);
    expect(((await me(processB, client)).body as UserDTO).role).toBe('coach');
  });
});
