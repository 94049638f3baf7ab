import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import { createBookableCoach } from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';

let t: TestServer;
let coach: SignedIn;
let configUrl: string;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  coach = await sessionFor((await createBookableCoach()).user);
  configUrl = `/api/prices/config/${coach.user._id}`;
});
afterAll(() => t.close());

const errorOf = (body: unknown) => (body as ApiErrorBody).error;
const fieldsOf = (body: unknown) =>
  (errorOf(body).details as { field: string }[]).map((issue) => issue.field);
const as = () => bearer(coach.accessToken);

const TYPE_ID = '0123456789abcdef01234567';
const pack = { name: 'Five', sessions: 5, price: 40000, validityDays: 90 };
const welcome = { kind: 'first_session', label: 'Welcome', percent: 10 };

describe('PATCH /api/prices/config/:userId: values at every depth', () => {
  it.each([
    [{ packages: [{ ...pack, price: '40000' }] }, 'packages[0].price'],
    [{ packages: [{ ...pack, active: 'yes' }] }, 'packages[0].active'],
    [{ packages: [pack, { ...pack, validityDays: 0 }] }, 'packages[1].validityDays'],
    [{ packages: [5] }, 'packages[0]'],
    [{ packages: { first: pack } }, 'packages'],
    [{ discounts: [{ ...welcome, extra: 1 }] }, 'discounts[0].extra'],
    [{ discounts: [{ ...welcome, label: { text: 'x' } }] }, 'discounts[0].label'],
    [{ discounts: [{ ...welcome, kind: ['volume'] }] }, 'discounts[0].kind'],
    [{ discounts: [{ ...welcome, kind: 'early_booking' }] }, 'discounts[0].minDaysAhead'],
    [
      { discounts: [{ ...welcome, kind: 'volume', minSessions: 3, minDaysAhead: 2 }] },
      'discounts[0].minDaysAhead',
    ],
    [{ discounts: [{ ...welcome, _id: 'not-an-id' }] }, 'discounts[0]._id'],
    [
      {
        sessionTypeRates: [
          { sessionTypeId: TYPE_ID, rate: 1 },
          { sessionTypeId: TYPE_ID.toUpperCase(), rate: 2 },
        ],
      },
      'sessionTypeRates[1].sessionTypeId',
    ],
    [
      { sessionTypeRates: [{ sessionTypeId: [TYPE_ID], rate: 1 }] },
      'sessionTypeRates[0].sessionTypeId',
    ],
    [
      { sessionTypeRates: [{ sessionTypeId: TYPE_ID, rate: 1, note: 'x' }] },
      'sessionTypeRates[0].note',
    ],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s', async (body, field) => {
    const res = await t.http.patch(configUrl).set(as()).send(body);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('stores the cleaned values: trimmed text, active by default, no threshold a kind lacks', async () => {
    const res = await t.http
      .patch(configUrl)
      .set(as())
      .send({
        discounts: [{ ...welcome, label: '  Welcome  ' }],
        packages: [{ ...pack, name: ' Five ' }],
      });
    expect(res.status).toBe(200);
    const config = res.body as PriceConfigurationDTO;
    expect(config.discounts).toEqual([{ ...welcome, _id: expect.any(String), active: true }]);
    expect(config.packages).toEqual([{ ...pack, _id: expect.any(String), active: true }]);
  });
});

describe('POST .../discounts and .../packages: the body is the item', () => {
  it('refuses a wrong type, an unknown key and a kept _id, naming each field', async () => {
    const res = await t.http
      .post(`${configUrl}/packages`)
      .set(as())
      .send({ ...pack, sessions: 2.5, colour: 'red', _id: TYPE_ID });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body).sort()).toEqual(['_id', 'colour', 'sessions']);
  });

  it('refuses a body that is not an object, naming the body', async () => {
    const res = await t.http.post(`${configUrl}/discounts`).set(as()).send([welcome]);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain('body');
  });
});
