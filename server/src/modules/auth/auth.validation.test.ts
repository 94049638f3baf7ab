import type { AuthResponse } from '@coachhub/shared/auth';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
});
afterAll(() => t.close());

const errorOf = (body: unknown) => (body as ApiErrorBody).error;
const fieldsOf = (body: unknown) =>
  (errorOf(body).details as { field: string }[]).map((issue) => issue.field);
const registration = {
  email: 'fields@example.com',
  password: 'a long enough passphrase',
  firstName: 'Fe',
  lastName: 'Lds',
};

describe('auth bodies: known fields only', () => {
  it('refuses an unknown registration field, yet ignores `role` (always a client)', async () => {
    const unknown = await t.http.post('/api/auth/register').send({ ...registration, plan: 'pro' });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(unknown.body)).toEqual(['plan']);
    const withRole = await t.http
      .post('/api/auth/register')
      .send({ ...registration, role: 'coach' });
    expect(withRole.status).toBe(201);
    expect((withRole.body as AuthResponse).user.role).toBe('client');
  });

  it('refuses unknown login fields and any input to refresh and logout', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: registration.email, password: registration.password, remember: true });
    expect(fieldsOf(login.body)).toEqual(['remember']);
    expect(fieldsOf((await t.http.post('/api/auth/refresh').send({ token: 'x' })).body)).toEqual([
      'token',
    ]);
    expect(fieldsOf((await t.http.post('/api/auth/logout?everywhere=1')).body)).toEqual([
      'everywhere',
    ]);
  });
});
