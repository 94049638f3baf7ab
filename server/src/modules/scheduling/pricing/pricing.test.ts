import type { AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { Page } from '@coachhub/shared/pagination';
import type { PriceConfigurationDTO, Quote } from '@coachhub/shared/pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Booking } from '../bookings/booking.model.js';
import { Coach } from '../../coaches/coach.model.js';
import { PriceConfiguration } from './price-configuration.model.js';

let t: TestServer;
let carla: BookableCoach;
let coach: SignedIn;
let otherCoach: SignedIn;
let client: SignedIn;
let admin: SignedIn;
let configUrl: string;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  carla = await createBookableCoach({ durations: [30, 60] });
  [coach, otherCoach, client, admin] = await Promise.all([
    sessionFor(carla.user),
    createBookableCoach().then((other) => sessionFor(other.user)),
    createUser().then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
  configUrl = `/api/prices/config/${coach.user._id}`;
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const fieldsOf = (body: unknown) =>
  ((body as ApiErrorBody).error.details as { field: string }[]).map((d) => d.field);
const as = (who: SignedIn) => bearer(who.accessToken);
const priceFrom = async () => (await Coach.findOne({ user: coach.user._id }).lean())?.priceFrom;

describe('GET /api/prices/config/:userId', () => {
  it('creates the default configuration on first access, once, even when asked at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.http.get(configUrl).set(as(coach))),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    const config = answers[0]?.body as PriceConfigurationDTO;
    expect(config).toMatchObject({
      coachId: coach.user._id,
      currency: 'EUR',
      baseHourlyRate: 8000,
      sessionTypeRates: [],
      discounts: [],
      packages: [],
      metadata: { version: 1 },
    });
    expect(Date.parse(config.metadata.lastCalculation)).not.toBeNaN();
    expect(await PriceConfiguration.countDocuments({ coach: coach.user._id })).toBe(1);
  });

  it('is public for a visible coach, 404 for someone who is not a coach', async () => {
    expect((await t.http.get(configUrl)).status).toBe(200);
    expect((await t.http.get(`/api/prices/config/${client.user._id}`)).status).toBe(404);
    expect((await t.http.get('/api/prices/config/nope')).status).toBe(400);
  });
});

describe('PUT and PATCH', () => {
  it('replaces every value, bumps the version and updates priceFrom', async () => {
    const before = (await t.http.get(configUrl).set(as(coach))).body as PriceConfigurationDTO;
    const res = await t.http
      .put(configUrl)
      .set(as(coach))
      .send({
        currency: 'CHF',
        baseHourlyRate: 12000,
        sessionTypeRates: [{ sessionTypeId: carla.types[30], rate: 5000 }],
        discounts: [{ kind: 'first_session', label: 'Welcome', percent: 20, active: true }],
        packages: [{ name: 'Five', sessions: 5, price: 50000, validityDays: 90 }],
      });
    expect(res.status).toBe(200);
    const config = res.body as PriceConfigurationDTO;
    expect(config).toMatchObject({
      currency: 'CHF',
      baseHourlyRate: 12000,
      sessionTypeRates: [{ sessionTypeId: carla.types[30], rate: 5000 }],
      discounts: [{ kind: 'first_session', label: 'Welcome', percent: 20, active: true }],
      packages: [{ name: 'Five', sessions: 5, price: 50000, validityDays: 90, active: true }],
      metadata: { version: before.metadata.version + 1 },
    });
    expect(config.discounts[0]?._id).toMatch(/^[0-9a-f]{24}$/);
    expect(Date.parse(config.metadata.lastCalculation)).toBeGreaterThanOrEqual(
      Date.parse(before.metadata.lastCalculation),
    );
    // Cheapest active type: the 30-minute one at its own rate.
    expect(await priceFrom()).toEqual({ amount: 5000, currency: 'CHF' });
  });

  it('PATCH changes only what it names; a PUT keeps items by _id', async () => {
    const before = (await t.http.get(configUrl)).body as PriceConfigurationDTO;
    const patched = await t.http.patch(configUrl).set(as(coach)).send({ baseHourlyRate: 9000 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      currency: 'CHF',
      baseHourlyRate: 9000,
      discounts: before.discounts,
      metadata: { version: before.metadata.version + 1 },
    });
    const kept = before.discounts[0];
    const replaced = await t.http
      .patch(configUrl)
      .set(as(coach))
      .send({ discounts: [{ ...kept, percent: 25 }] });
    expect((replaced.body as PriceConfigurationDTO).discounts).toEqual([{ ...kept, percent: 25 }]);
    const unknownId = await t.http
      .patch(configUrl)
      .set(as(coach))
      .send({ discounts: [{ ...kept, _id: '0123456789abcdef01234567' }] });
    expect(unknownId.status).toBe(400);
    expect(fieldsOf(unknownId.body)).toEqual(['discounts[0]._id']);
  });

  it.each([
    [{ currency: 'DOGE' }, 'currency'],
    [{ baseHourlyRate: -1 }, 'baseHourlyRate'],
    [{ baseHourlyRate: 12.5 }, 'baseHourlyRate'],
    [{ discounts: [{ kind: 'volume', label: 'Loyal', percent: 10 }] }, 'discounts[0].minSessions'],
    [
      { discounts: [{ kind: 'first_session', label: 'x', percent: 10, minSessions: 3 }] },
      'discounts[0].minSessions',
    ],
    [{ discounts: [{ kind: 'bribe', label: 'x', percent: 10 }] }, 'discounts[0].kind'],
    [{ discounts: [{ kind: 'first_session', label: 'x', percent: 101 }] }, 'discounts[0].percent'],
    [{ packages: [{ name: 'x', sessions: 0, price: 1, validityDays: 1 }] }, 'packages[0].sessions'],
    [
      { sessionTypeRates: [{ sessionTypeId: 'abc', rate: 1 }] },
      'sessionTypeRates[0].sessionTypeId',
    ],
    [{ metadata: { version: 99 } }, 'metadata'],
    [{}, 'body'],
    [{ baseHourlyRate: { $gt: 0 } }, 'baseHourlyRate.$gt'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await t.http.patch(configUrl).set(as(coach)).send(body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it("refuses a PUT that leaves a value out, and rates for another coach's session types", async () => {
    const missing = await t.http.put(configUrl).set(as(coach)).send({ currency: 'EUR' });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(
      expect.arrayContaining(['baseHourlyRate', 'sessionTypeRates', 'discounts', 'packages']),
    );
    const foreign = await createBookableCoach();
    const res = await t.http
      .patch(configUrl)
      .set(as(coach))
      .send({ sessionTypeRates: [{ sessionTypeId: foreign.types[30], rate: 100 }] });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['sessionTypeRates[0].sessionTypeId']);
  });

  it('belongs to the coach and admins: others 403, anonymous 401, nothing changes', async () => {
    const version = (await PriceConfiguration.findOne({ coach: coach.user._id }).lean())?.metadata
      .version;
    for (const who of [otherCoach, client]) {
      expect((await t.http.patch(configUrl).set(as(who)).send({ baseHourlyRate: 1 })).status).toBe(
        403,
      );
      expect((await t.http.post(`${configUrl}/discounts`).set(as(who)).send({})).status).toBe(403);
    }
    expect((await t.http.patch(configUrl).send({ baseHourlyRate: 1 })).status).toBe(401);
    expect(
      (await PriceConfiguration.findOne({ coach: coach.user._id }).lean())?.metadata.version,
    ).toBe(version);
  });

  it('lets an admin change it, with an audit entry', async () => {
    const res = await t.http.patch(configUrl).set(as(admin)).send({ baseHourlyRate: 9500 });
    expect(res.status).toBe(200);
    const log = await t.http.get('/api/admin/audit-log').set(as(admin));
    expect((log.body as Page<AuditLogEntryDTO>).items[0]).toMatchObject({
      action: 'pricing.update',
      targetType: 'coach',
      targetId: coach.user._id,
    });
  });
});

describe('discounts and packages', () => {
  it('adds a discount (201) and deletes it in a transaction: gone, version bumped', async () => {
    const added = await t.http
      .post(`${configUrl}/discounts`)
      .set(as(coach))
      .send({ kind: 'early_booking', label: 'Plan ahead', percent: 10, minDaysAhead: 14 });
    expect(added.status).toBe(201);
    const config = added.body as PriceConfigurationDTO;
    const discount = config.discounts.find((item) => item.label === 'Plan ahead');
    expect(discount).toMatchObject({ kind: 'early_booking', minDaysAhead: 14, active: true });

    const removed = await t.http.delete(`${configUrl}/discounts/${discount?._id}`).set(as(coach));
    expect(removed.status).toBe(200);
    const after = removed.body as PriceConfigurationDTO;
    expect(after.discounts.some((item) => item._id === discount?._id)).toBe(false);
    expect(after.metadata.version).toBe(config.metadata.version + 1);
    const stored = await PriceConfiguration.findOne({ coach: coach.user._id }).lean();
    expect(stored?.discounts.some((item) => item._id.toString() === discount?._id)).toBe(false);
    expect(stored?.metadata.version).toBe(after.metadata.version);

    const again = await t.http.delete(`${configUrl}/discounts/${discount?._id}`).set(as(coach));
    expect(again.status).toBe(404);
    expect(
      (await PriceConfiguration.findOne({ coach: coach.user._id }).lean())?.metadata.version,
    ).toBe(after.metadata.version);
  });

  it('adds and deletes a package the same way', async () => {
    const added = await t.http
      .post(`${configUrl}/packages`)
      .set(as(coach))
      .send({ name: 'Ten pack', sessions: 10, price: 90000, validityDays: 180, active: false });
    expect(added.status).toBe(201);
    const item = (added.body as PriceConfigurationDTO).packages.find((p) => p.name === 'Ten pack');
    expect(item).toMatchObject({ active: false });
    const removed = await t.http.delete(`${configUrl}/packages/${item?._id}`).set(as(coach));
    expect(removed.status).toBe(200);
    expect((removed.body as PriceConfigurationDTO).packages.map((p) => p.name)).toEqual(['Five']);
    expect((await t.http.delete(`${configUrl}/packages/${item?._id}`).set(as(coach))).status).toBe(
      404,
    );
    expect((await t.http.delete(`${configUrl}/packages/xyz`).set(as(coach))).status).toBe(400);
    expect(
      (await t.http.delete(`${configUrl}/packages/${item?._id}`).set(as(otherCoach))).status,
    ).toBe(403);
  });

  it("names the session types a package's credits book: the coach's own only, on POST, PUT and PATCH", async () => {
    const added = await t.http
      .post(`${configUrl}/packages`)
      .set(as(coach))
      .send({
        name: 'Thirty',
        sessions: 3,
        price: 6000,
        validityDays: 60,
        sessionTypeIds: [carla.types[30]],
      });
    expect(added.status).toBe(201);
    const item = (added.body as PriceConfigurationDTO).packages.find((p) => p.name === 'Thirty');
    expect(item?.sessionTypeIds).toEqual([carla.types[30]]);
    await t.http.delete(`${configUrl}/packages/${item?._id}`).set(as(coach)).expect(200);

    const foreignType = (await createBookableCoach()).types[60] ?? '';
    const foreign = await t.http
      .post(`${configUrl}/packages`)
      .set(as(coach))
      .send({
        name: 'Foreign',
        sessions: 3,
        price: 6000,
        validityDays: 60,
        sessionTypeIds: [foreignType],
      });
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['sessionTypeIds[0]']);
    const malformed = await t.http
      .post(`${configUrl}/packages`)
      .set(as(coach))
      .send({ name: 'Bad', sessions: 3, price: 6000, validityDays: 60, sessionTypeIds: ['x', 5] });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['sessionTypeIds[0]', 'sessionTypeIds[1]']);
    const notList = await t.http
      .post(`${configUrl}/packages`)
      .set(as(coach))
      .send({ name: 'Bad', sessions: 3, price: 6000, validityDays: 60, sessionTypeIds: 'all' });
    expect(notList.status).toBe(400);

    const patched = await t.http
      .patch(configUrl)
      .set(as(coach))
      .send({
        packages: [
          { name: 'P', sessions: 2, price: 100, validityDays: 9, sessionTypeIds: [foreignType] },
        ],
      });
    expect(patched.status).toBe(400);
    expect(fieldsOf(patched.body)).toEqual(['packages[0].sessionTypeIds[0]']);
    const before = (await t.http.get(configUrl).set(as(coach))).body as PriceConfigurationDTO;
    const put = await t.http
      .put(configUrl)
      .set(as(coach))
      .send({
        currency: before.currency,
        baseHourlyRate: before.baseHourlyRate,
        sessionTypeRates: before.sessionTypeRates,
        discounts: before.discounts,
        packages: [
          ...before.packages,
          { name: 'P', sessions: 2, price: 100, validityDays: 9, sessionTypeIds: [foreignType] },
        ],
      });
    expect(put.status).toBe(400);
    expect(fieldsOf(put.body)).toEqual([`packages[${before.packages.length}].sessionTypeIds[0]`]);
    expect(
      ((await t.http.get(configUrl).set(as(coach))).body as PriceConfigurationDTO).packages,
    ).toEqual(before.packages);
  });

  it('validates new items', async () => {
    const bad = await t.http
      .post(`${configUrl}/discounts`)
      .set(as(coach))
      .send({ kind: 'volume', label: '', percent: 0, minSessions: 0, _id: 'mine' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining(['_id', 'label', 'percent', 'minSessions']),
    );
    const notObject = await t.http.post(`${configUrl}/packages`).set(as(coach)).send([1]);
    expect(notObject.status).toBe(400);
  });
});

describe('POST /api/prices/quote', () => {
  const quote = (body: object, who?: SignedIn) => {
    const call = t.http.post('/api/prices/quote');
    return (who ? call.set(as(who)) : call).send(body);
  };

  it('quotes with the breakdown; the first-session discount ends with the first booking', async () => {
    const body = {
      coachId: coach.user._id,
      sessionTypeId: carla.types[60],
      start: futureAt(5, '10:00'),
    };
    const first = await quote(body, client);
    expect(first.status).toBe(200);
    const q = first.body as Quote;
    // 60 minutes at 95.00 CHF, then 25 % off for the first session.
    expect(q).toEqual({
      amount: 7125,
      currency: 'CHF',
      lines: [
        { kind: 'base', label: '60-minute session', amount: 9500 },
        expect.objectContaining({ kind: 'first_session', label: 'Welcome', amount: -2375 }),
      ],
      history: { completedSessions: 0, firstSession: true },
    });
    expect(q.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(q.amount);

    await Booking.create({
      coach: coach.user._id,
      client: client.user._id,
      sessionType: carla.types[60],
      sessionTypeSnapshot: { title: 'x', durationMinutes: 60, mode: 'video' },
      start: new Date(futureAt(-3, '10:00')),
      end: new Date(futureAt(-3, '11:00')),
      status: 'completed',
      quote: q,
    });
    expect(((await quote(body, client)).body as Quote).amount).toBe(9500);
    // Anonymous callers are quoted as new clients.
    expect(((await quote(body)).body as Quote).amount).toBe(7125);
  });

  it.each([
    [{ sessionTypeId: '0123456789abcdef01234567', start: '2030-01-01T10:00:00Z' }, 'coachId'],
    [
      { coachId: 'x', sessionTypeId: '0123456789abcdef01234567', start: '2030-01-01T10:00:00Z' },
      'coachId',
    ],
    [
      {
        coachId: '0123456789abcdef01234567',
        sessionTypeId: '0123456789abcdef01234567',
        start: 'soon',
      },
      'start',
    ],
    [
      {
        coachId: '0123456789abcdef01234567',
        sessionTypeId: '0123456789abcdef01234567',
        start: '2030-01-01T10:00:00',
      },
      'start',
    ],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await quote(body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('answers 404 for a session type of another coach', async () => {
    const res = await quote({
      coachId: coach.user._id,
      sessionTypeId: (await createBookableCoach()).types[30],
      start: futureAt(5, '10:00'),
    });
    expect(res.status).toBe(404);
    expect(codeOf(res.body)).toBe('NOT_FOUND');
  });
});
