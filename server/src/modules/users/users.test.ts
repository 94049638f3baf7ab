import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { UserDTO } from '@coachhub/shared/user';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, signIn, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let session: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  session = await signIn(t, await createUser({ email: 'mia@example.com', firstName: 'Mia' }));
});
afterAll(() => t.close());

const errorOf = (body: unknown) => (body as ApiErrorBody).error;
const patchMe = (body: object) =>
  t.http.patch('/api/users/me').set(bearer(session.accessToken)).send(body);

describe('GET /api/users/me', () => {
  it('returns the caller as a UserDTO', async () => {
    const res = await t.http.get('/api/users/me').set(bearer(session.accessToken));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'mia@example.com', firstName: 'Mia', role: 'client' });
  });

  it.each([
    ['no Authorization header', undefined, 'UNAUTHENTICATED'],
    ['another scheme', 'Basic bWlhOnNlY3JldA==', 'INVALID_TOKEN'],
    ['a garbage token', 'Bearer not.a.token', 'INVALID_TOKEN'],
  ])('answers 401 for %s', async (_case, header, code) => {
    const call = t.http.get('/api/users/me');
    const res = await (header ? call.set('Authorization', header) : call);
    expect(res.status).toBe(401);
    expect(errorOf(res.body).code).toBe(code);
  });

  it('answers 401 TOKEN_EXPIRED for an expired token', async () => {
    const claims = jwt.decode(session.accessToken) as jwt.JwtPayload;
    const expired = jwt.sign(
      {
        role: claims.role as string,
        sid: claims.sid as string,
        exp: Math.floor(Date.now() / 1000) - 5,
      },
      TEST_JWT_SECRET,
      { subject: claims.sub, issuer: 'coachhub' },
    );
    const res = await t.http.get('/api/users/me').set(bearer(expired));
    expect(res.status).toBe(401);
    expect(errorOf(res.body).code).toBe('TOKEN_EXPIRED');
  });
});

describe('PATCH /api/users/me', () => {
  it('changes names, locale and time zone', async () => {
    const res = await patchMe({
      firstName: ' Maria ',
      lastName: 'Lind',
      locale: 'de',
      timeZone: 'Europe/Berlin',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      firstName: 'Maria',
      lastName: 'Lind',
      locale: 'de',
      timeZone: 'Europe/Berlin',
      email: 'mia@example.com',
    });
    const body = res.body as UserDTO;
    expect(Date.parse(body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(body.createdAt));
  });

  it('refuses email, role and status changes, naming the fields', async () => {
    const res = await patchMe({ email: 'boss@example.com', role: 'admin', status: 'active' });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    const fields = (errorOf(res.body).details as { field: string }[]).map((d) => d.field);
    expect(fields.sort()).toEqual(['email', 'role', 'status']);
    const me = await t.http.get('/api/users/me').set(bearer(session.accessToken));
    expect(me.body).toMatchObject({ role: 'client', email: 'mia@example.com' });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '+01:00' }, 'timeZone'],
    [{ locale: 'xx' }, 'locale'],
    [{ firstName: '' }, 'firstName'],
    [{ lastName: { $set: 'x' } }, 'lastName'],
  ])('refuses %j', async (body, field) => {
    const res = await patchMe(body);
    expect(res.status).toBe(400);
    expect((errorOf(res.body).details as { field: string }[]).map((d) => d.field)).toContain(field);
  });
});
