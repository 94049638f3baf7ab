import type { AuthResponse } from '@coachhub/shared/auth';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, refreshCookieOf, type TestUser } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let existing: TestUser;

beforeAll(async () => {
  // Every registration here comes from one address: the per-address limit has its own test.
  t = await startTestServer(import.meta.filename, { RATE_LIMIT_REGISTER_PER_IP: '100' });
  existing = await createUser({ email: 'existing@example.com' });
});
afterAll(() => t.close());

const errorOf = (body: unknown) => (body as ApiErrorBody).error;
const fieldsOf = (body: unknown) =>
  ((errorOf(body).details ?? []) as { field: string }[]).map((issue) => issue.field);

describe('POST /api/auth/register', () => {
  it('creates a client, returns the user and an access token, and sets the refresh cookie', async () => {
    const res = await t.http.post('/api/auth/register').send({
      email: '  New.Person@Example.com ',
      password: 'a long enough passphrase',
      firstName: ' Nora ',
      lastName: 'Neu',
      locale: 'de',
      role: 'admin',
    });
    expect(res.status).toBe(201);
    const body = res.body as AuthResponse;
    expect(body.user).toMatchObject({
      email: 'new.person@example.com',
      firstName: 'Nora',
      lastName: 'Neu',
      role: 'client',
      status: 'active',
      locale: 'de',
      timeZone: 'UTC',
      profilePicture: null,
      twoFactorEnabled: false,
    });
    expect(Object.keys(body.user).sort()).toEqual(
      [
        '_id',
        'createdAt',
        'email',
        'firstName',
        'lastName',
        'locale',
        'profilePicture',
        'role',
        'status',
        'timeZone',
        'twoFactorEnabled',
        'updatedAt',
      ].sort(),
    );
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).not.toMatch(/Secure/);

    const me = await t.http.get('/api/users/me').set(bearer(body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body).toEqual(body.user);
  });

  it('refuses an email that exists, whatever its case, with 409 EMAIL_TAKEN', async () => {
    const res = await t.http.post('/api/auth/register').send({
      email: 'EXISTING@example.com',
      password: 'a long enough passphrase',
      firstName: 'Eve',
      lastName: 'Again',
    });
    expect(res.status).toBe(409);
    expect(errorOf(res.body).code).toBe('EMAIL_TAKEN');
  });

  it('lists every invalid field', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ email: 'not-an-email', password: 'short', lastName: '', locale: 'fr' });
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fieldsOf(res.body).sort()).toEqual(
      ['email', 'firstName', 'lastName', 'locale', 'password'].sort(),
    );
    expect(errorOf(res.body).details).toContainEqual(
      expect.objectContaining({ field: 'email', location: 'body', message: expect.any(String) }),
    );
  });

  it('refuses weak passwords with WEAK_PASSWORD and the reasons', async () => {
    for (const password of ['password1234', 'weak.user@example.com']) {
      const res = await t.http.post('/api/auth/register').send({
        email: 'weak.user@example.com',
        password,
        firstName: 'Weak',
        lastName: 'User',
      });
      expect(res.status).toBe(400);
      expect(errorOf(res.body).code).toBe('WEAK_PASSWORD');
      expect(fieldsOf(res.body)).toContain('password');
    }
  });

  it('refuses passwords over the 72 bytes bcrypt reads, ASCII or emoji, and says why', async () => {
    const longAscii = 'a long but otherwise fine passphrase, '.repeat(2); // 76 bytes
    const emoji = '🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🐦🐤🦆🦅🦉🦇🐺'; // 19 characters, 76 bytes
    for (const [index, password] of [longAscii, emoji].entries()) {
      const res = await t.http.post('/api/auth/register').send({
        email: `long.password.${index}@example.com`,
        password,
        firstName: 'Long',
        lastName: 'Password',
      });
      expect(res.status).toBe(400);
      expect(errorOf(res.body).code).toBe('WEAK_PASSWORD');
      expect(errorOf(res.body).details).toContainEqual(
        expect.objectContaining({ field: 'password', message: expect.stringMatching(/72 bytes/) }),
      );
    }
    // 72 bytes exactly is fine, and signs in with every byte counting.
    const exact = '🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🐦🐤🦆🦅🦉🦇';
    const ok = await t.http.post('/api/auth/register').send({
      email: 'exact.password@example.com',
      password: exact,
      firstName: 'Exact',
      lastName: 'Password',
    });
    expect(ok.status).toBe(201);
    const wrongLast = await t.http
      .post('/api/auth/login')
      .send({ email: 'exact.password@example.com', password: `${exact.slice(0, -2)}🐺` });
    expect(wrongLast.status).toBe(401);
  });

  it.each([
    ['an operator object as email', { email: { $ne: null }, password: 'x'.repeat(12) }, 'email'],
    ['an operator key at the top', { $where: 'sleep(1000)', email: 'a@b.co' }, '$where'],
    ['a nested object as a name', { firstName: { first: 'x' } }, 'firstName'],
    ['an array as password', { password: ['a long enough passphrase'] }, 'password'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_case, payload, field) => {
    const res = await t.http.post('/api/auth/register').send(payload);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ email: 'big@example.com', firstName: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(errorOf(res.body).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: 'Existing@Example.com', password: existing.password });
    expect(res.status).toBe(200);
    const body = res.body as AuthResponse;
    expect(body.user.email).toBe(existing.email);
    expect(body.accessToken).toEqual(expect.any(String));
    expect(refreshCookieOf(res.headers['set-cookie'])).toMatch(/^coachhub_refresh=[\w-]{43}$/);
  });

  it('answers a wrong password and an unknown email the same way: 401 INVALID_CREDENTIALS', async () => {
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ email: existing.email, password: 'not the password' });
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ email: 'nobody@example.com', password: 'not the password' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(errorOf(res.body).code).toBe('INVALID_CREDENTIALS');
      expect(errorOf(res.body).message).toBe(errorOf(wrong.body).message);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('never runs a query built from operators', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: { $gt: '' }, password: { $ne: null } });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['email', 'password']));
  });
});

describe('responses', () => {
  it('are all recorded, so closing the server can check none carried a password hash', () => {
    expect(t.responseBodies.length).toBeGreaterThan(10);
    expect(t.responseBodies.some((body) => body.includes('"accessToken"'))).toBe(true);
  });
});
