import type { CoachMatch } from '@coachhub/shared/coach';
import { WEEKDAYS } from '@coachhub/shared/scheduling';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { createBookableCoach, openAvailability } from '../../../test/scheduling-fixtures.js';
import { bearer, sessionFor, type TestUser } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
const coaches: Record<string, TestUser> = {};

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  coaches.allRounder = await createTestCoach({
    firstName: 'Alma',
    profile: {
      specialties: ['fitness', 'nutrition'],
      languages: ['en'],
      priceFrom: { amount: 8000, currency: 'EUR' },
      rating: { average: 4.8, count: 50 },
    },
  });
  coaches.luckyStar = await createTestCoach({
    firstName: 'Lu',
    profile: {
      specialties: ['fitness'],
      languages: ['en', 'de'],
      priceFrom: { amount: 6000, currency: 'EUR' },
      rating: { average: 5, count: 1 },
    },
  });
  coaches.italian = await createTestCoach({
    firstName: 'Ivo',
    profile: {
      specialties: ['fitness', 'nutrition'],
      languages: ['it'],
      priceFrom: { amount: 5000, currency: 'EUR' },
      rating: { average: 4.9, count: 40 },
    },
  });
  coaches.career = await createTestCoach({ profile: { specialties: ['career'] } });
  coaches.pending = await createTestCoach({
    profile: {
      specialties: ['fitness', 'nutrition'],
      verification: {
        status: 'pending',
        reason: null,
        submittedAt: new Date(),
        reviewedAt: null,
        reviewedBy: null,
      },
    },
  });
});
afterAll(() => t.close());

const GOALS = {
  specialties: ['fitness', 'nutrition'],
  languages: ['en'],
  budget: { max: 9000, currency: 'EUR' },
};
const match = (body: object, token?: string) => {
  const call = t.http.post('/api/coaches/match');
  return (token ? call.set(bearer(token)) : call).send(body);
};
const namesOf = (matches: CoachMatch[]) => matches.map((m) => m.coach.firstName);

describe('POST /api/coaches/match', () => {
  it('ranks public coaches sharing a goal, with each factor contribution', async () => {
    const res = await match(GOALS);
    expect(res.status).toBe(200);
    const matches = res.body as CoachMatch[];
    expect(namesOf(matches)).toEqual(['Alma', 'Lu', 'Ivo']);
    const [best] = matches;
    expect(best?.factors).toEqual({
      specialty: 40,
      language: 25,
      budget: 15,
      rating: expect.any(Number),
      availability: 0,
    });
    for (const { score, factors } of matches) {
      const sum = Object.values(factors).reduce((a, b) => a + b, 0);
      expect(score).toBeCloseTo(sum, 6);
    }
    expect(matches.map((m) => m.score)).toEqual(
      [...matches.map((m) => m.score)].sort((a, b) => b - a),
    );
  });

  it('lets fifty good reviews beat a single perfect one', async () => {
    const res = await match({ specialties: ['fitness'] });
    const [first, second] = res.body as CoachMatch[];
    expect(first?.coach.firstName).toBe('Ivo');
    expect(second?.coach.firstName).toBe('Alma');
    expect(namesOf(res.body as CoachMatch[]).at(-1)).toBe('Lu');
  });

  it('honours limit and accepts preferred times', async () => {
    const res = await match({
      ...GOALS,
      limit: 1,
      timeZone: 'Europe/Berlin',
      preferredTimes: [{ weekday: 1, start: '18:00', end: '21:00' }],
    });
    expect(res.status).toBe(200);
    expect(namesOf(res.body as CoachMatch[])).toEqual(['Alma']);
  });

  it('works signed in too, and never offers callers themselves', async () => {
    const alma = await sessionFor(coaches.allRounder as TestUser);
    const res = await match(GOALS, alma.accessToken);
    expect(namesOf(res.body as CoachMatch[])).toEqual(['Lu', 'Ivo']);
    expect((await match(GOALS, 'not-a-token')).status).toBe(401);
  });

  it.each([
    [{}, 'specialties'],
    [{ specialties: [] }, 'specialties'],
    [{ specialties: ['astrology'] }, 'specialties[0]'],
    [{ ...GOALS, languages: 'en' }, 'languages'],
    [{ ...GOALS, budget: 9000 }, 'budget'],
    [{ ...GOALS, budget: { max: -1, currency: 'EUR' } }, 'budget.max'],
    [{ ...GOALS, budget: { max: 9000, currency: 'BTC' } }, 'budget.currency'],
    [{ ...GOALS, budget: { max: 9000, currency: 'EUR', min: 1 } }, 'budget'],
    [
      { ...GOALS, preferredTimes: [{ weekday: 1, start: '09:00', end: '10:00', x: 1 }] },
      'preferredTimes[0]',
    ],
    [
      { ...GOALS, preferredTimes: [{ weekday: 7, start: '09:00', end: '10:00' }] },
      'preferredTimes[0].weekday',
    ],
    [
      { ...GOALS, preferredTimes: [{ weekday: 1, start: '10:00', end: '09:00' }] },
      'preferredTimes[0].end',
    ],
    [
      { ...GOALS, preferredTimes: [{ weekday: 1, start: '9am', end: '10:00' }] },
      'preferredTimes[0].start',
    ],
    [{ ...GOALS, limit: 51 }, 'limit'],
    [{ ...GOALS, minScore: 50 }, 'minScore'],
    [{ ...GOALS, specialties: { $in: ['fitness'] } }, 'specialties'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await match(body);
    expect(res.status).toBe(400);
    const details = (res.body as ApiErrorBody).error.details as { field: string }[];
    expect(details.map((d) => d.field)).toContain(field);
  });
});

describe('availability in matching', () => {
  it('ranks a coach with free slots in the coming days above an otherwise equal one', async () => {
    const profile = {
      specialties: ['mindfulness' as const],
      languages: ['en'],
      priceFrom: { amount: 7000, currency: 'EUR' as const },
      rating: { average: 4.7, count: 20 },
    };
    await createTestCoach({ firstName: 'Nora', profile });
    await createBookableCoach({ durations: [45], coach: { firstName: 'Otto', profile } });

    const res = await match({ specialties: ['mindfulness'] });
    expect(res.status).toBe(200);
    const matches = res.body as CoachMatch[];
    expect(namesOf(matches)).toEqual(['Otto', 'Nora']);
    expect(matches[0]?.factors.availability).toBe(5);
    expect(matches[1]?.factors.availability).toBe(0);
  });
});

describe('budgets across currencies', () => {
  it('compares prices in other currencies at the fixed reference rates', async () => {
    const profile = { specialties: ['parenting' as const], rating: { average: 4.6, count: 12 } };
    // CHF 80.00 = EUR 85.60, within EUR 90; GBP 100.00 = EUR 114.00, well over it.
    await createTestCoach({
      firstName: 'Chiara',
      profile: { ...profile, priceFrom: { amount: 8000, currency: 'CHF' } },
    });
    await createTestCoach({
      firstName: 'Gus',
      profile: { ...profile, priceFrom: { amount: 10000, currency: 'GBP' } },
    });
    await createTestCoach({
      firstName: 'Eve',
      profile: { ...profile, priceFrom: { amount: 9500, currency: 'EUR' } },
    });

    const res = await match({
      specialties: ['parenting'],
      budget: { max: 9000, currency: 'EUR' },
    });
    expect(res.status).toBe(200);
    const matches = res.body as CoachMatch[];
    expect(namesOf(matches)).toEqual(['Chiara', 'Eve', 'Gus']);
    expect(matches.map((m) => m.factors.budget)).toEqual([15, 13.33, 7]);
  });
});

describe('preferred times in matching', () => {
  const every = (start: string, end: string) =>
    WEEKDAYS.map((weekday) => ({ weekday, start, end }));

  it('weighs the share of free slots that fall into the preferred times, in the client’s zone', async () => {
    const profile = {
      specialties: ['stress' as const],
      languages: ['en'],
      priceFrom: { amount: 7000, currency: 'EUR' as const },
      rating: { average: 4.7, count: 20 },
    };
    const hours = (start: string, end: string) => ({
      ...openAvailability(),
      weekly: every(start, end),
    });
    await createBookableCoach({
      durations: [60],
      availability: hours('08:00', '11:00'),
      coach: { firstName: 'Morgan', profile },
    });
    await createBookableCoach({
      durations: [60],
      availability: hours('18:00', '21:00'),
      coach: { firstName: 'Eva', profile },
    });

    // Without wishes both are free soon: equal, the input order decides.
    const anyTime = (await match({ specialties: ['stress'] })).body as CoachMatch[];
    expect(anyTime.map((m) => m.factors.availability)).toEqual([5, 5]);

    // 03:00-06:00 in Tokyo (UTC+9, no DST) is 18:00-21:00 UTC: Eva's hours, none of Morgan's.
    const tokyo = await match({
      specialties: ['stress'],
      preferredTimes: every('03:00', '06:00'),
      timeZone: 'Asia/Tokyo',
    });
    expect(tokyo.status).toBe(200);
    const night = tokyo.body as CoachMatch[];
    expect(namesOf(night)).toEqual(['Eva', 'Morgan']);
    expect(night.map((m) => m.factors.availability)).toEqual([5, 0]);

    // Mornings in UTC (no zone given): the other way round.
    const mornings = (
      await match({ specialties: ['stress'], preferredTimes: every('08:00', '11:00') })
    ).body as CoachMatch[];
    expect(namesOf(mornings)).toEqual(['Morgan', 'Eva']);
    expect(mornings.map((m) => m.factors.availability)).toEqual([5, 0]);

    // Morgan's hour-long slots start every half hour from 08:00 to 10:00: three of the five
    // (09:00, 09:30, 10:00) fit 09:00-11:00, so 3 of the 5 points.
    const late = (await match({ specialties: ['stress'], preferredTimes: every('09:00', '11:00') }))
      .body as CoachMatch[];
    expect(late.find((m) => m.coach.firstName === 'Morgan')?.factors.availability).toBe(3);
  });
});
