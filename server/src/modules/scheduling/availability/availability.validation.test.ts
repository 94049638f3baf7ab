import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import { createBookableCoach, openAvailability } from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';

let t: TestServer;
let coach: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  coach = await sessionFor((await createBookableCoach()).user);
});
afterAll(() => t.close());

const errorOf = (body: unknown) => (body as ApiErrorBody).error;
const fieldsOf = (body: unknown) =>
  (errorOf(body).details as { field: string }[]).map((issue) => issue.field);
const put = (body: unknown) =>
  t.http
    .put(`/api/availability/${coach.user._id}`)
    .set(bearer(coach.accessToken))
    .send(body as object);
const valid = openAvailability('Europe/Berlin');
const dayOff = (change: object) => ({ date: '2026-12-24', intervals: [], ...change });
const morning = { start: '09:00', end: '12:00' };

describe('PUT /api/availability/:userId: shape at every depth', () => {
  it.each([
    [
      { overrides: [dayOff({ intervals: [{ ...morning, note: 'x' }] })] },
      'overrides[0].intervals[0].note',
    ],
    [{ overrides: [dayOff({ repeat: 'yearly' })] }, 'overrides[0].repeat'],
    [{ overrides: [dayOff({ intervals: 'none' })] }, 'overrides[0].intervals'],
    [{ overrides: [dayOff({}), dayOff({})] }, 'overrides[1].date'],
    [
      { overrides: [dayOff({ intervals: [morning, { start: '11:00', end: '13:00' }] })] },
      'overrides[0].intervals[1]',
    ],
    [
      { overrides: [dayOff({ intervals: [{ start: '12:00', end: '09:00' }] })] },
      'overrides[0].intervals[0].end',
    ],
    [
      { settings: { ...valid.settings, cancellationPolicy: 'none' } },
      'settings.cancellationPolicy',
    ],
    [
      {
        settings: {
          ...valid.settings,
          cancellationPolicy: { ...valid.settings.cancellationPolicy, refund: true },
        },
      },
      'settings.cancellationPolicy.refund',
    ],
    [{ weekly: [{ weekday: '1', ...morning }] }, 'weekly[0].weekday'],
    [{ recurrence: 'weekly' }, 'recurrence'],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s', async (change, field) => {
    const res = await put({ ...valid, ...change });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('names each missing part "Required" and a body that is not an object "body"', async () => {
    const missing = await put({});
    expect(missing.status).toBe(400);
    expect(errorOf(missing.body).details).toEqual(
      ['timeZone', 'weekly', 'overrides', 'settings'].map((field) =>
        expect.objectContaining({ field, location: 'body', message: 'Required' }),
      ),
    );
    const list = await put([valid]);
    expect(list.status).toBe(400);
    expect(fieldsOf(list.body)).toContain('body');
  });

  it('stores exactly the checked values, with a day off and its intervals', async () => {
    const body = {
      ...valid,
      overrides: [dayOff({ intervals: [morning] }), dayOff({ date: '2026-12-25' })],
    };
    const res = await put(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(body);
  });
});
