import type { AuthResponse } from '@coachhub/shared/auth';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

// A file of its own: registrations are rate limited per address, and auth.test.ts uses its share.
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
});
afterAll(() => t.close());

const fieldsOf = (body: unknown) =>
  (((body as ApiErrorBody).error.details ?? []) as { field: string }[]).map((issue) => issue.field);

const registration = (email: string, extra: Record<string, unknown>) => ({
  email,
  password: 'a long enough passphrase',
  firstName: 'Bea',
  lastName: 'Berlin',
  ...extra,
});

describe('POST /api/auth/register with timeZone', () => {
  it("starts the account in the browser's time zone", async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send(registration('berlin@example.com', { timeZone: ' Europe/Berlin ' }));
    expect(res.status).toBe(201);
    const body = res.body as AuthResponse;
    expect(body.user.timeZone).toBe('Europe/Berlin');
    const me = await t.http.get('/api/users/me').set(bearer(body.accessToken));
    expect(me.body).toMatchObject({ timeZone: 'Europe/Berlin' });
  });

  it('starts in UTC without one, as before', async () => {
    const res = await t.http.post('/api/auth/register').send(registration('utc@example.com', {}));
    expect(res.status).toBe(201);
    expect((res.body as AuthResponse).user.timeZone).toBe('UTC');
  });

  it.each([['Mars/Olympus_Mons'], ['+01:00'], [42]])(
    'refuses %j with 400 naming timeZone',
    async (timeZone) => {
      const res = await t.http
        .post('/api/auth/register')
        .send(registration('bad.zone@example.com', { timeZone }));
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['timeZone']);
    },
  );
});
