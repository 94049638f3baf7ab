import type { CoachDirectoryPage } from '@coachhub/shared/coach';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach, type TestCoachOptions } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let admin: SignedIn;
const ids: Record<string, string> = {};

const hidden = (status: 'pending' | 'rejected') => ({
  status,
  reason: null,
  submittedAt: new Date(),
  reviewedAt: null,
  reviewedBy: null,
});

/** Four public coaches (A, B, C, E) and four that the directory must never show. */
const COACHES: Record<string, TestCoachOptions> = {
  A: {
    firstName: 'Anna',
    lastName: 'Berg',
    profile: {
      headline: 'Leadership coach for new managers',
      specialties: ['leadership', 'career'],
      languages: ['en', 'de'],
      priceFrom: { amount: 9000, currency: 'EUR' },
      rating: { average: 4.8, count: 50 },
    },
  },
  B: {
    firstName: 'Boris',
    lastName: 'Kahn',
    profile: {
      headline: 'Fitness coach for runners',
      specialties: ['fitness'],
      languages: ['de'],
      priceFrom: { amount: 5000, currency: 'EUR' },
      rating: { average: 5, count: 1 },
    },
  },
  C: {
    firstName: 'Chloé',
    lastName: 'Dubois',
    profile: {
      headline: 'Career change and confidence',
      bio: 'Formerly in leadership roles at a bank.',
      specialties: ['career', 'confidence'],
      languages: ['fr', 'en'],
      priceFrom: null,
      rating: { average: 4.2, count: 10 },
    },
  },
  E: {
    firstName: 'Eli',
    lastName: 'Stone',
    profile: {
      headline: 'Coaching founders',
      specialties: ['leadership', 'entrepreneurship'],
      languages: ['en'],
      priceFrom: { amount: 12000, currency: 'USD' },
      rating: { average: 4.9, count: 20 },
    },
  },
  Unlisted: { firstName: 'Una', profile: { specialties: ['leadership'], listed: false } },
  Pending: {
    firstName: 'Pia',
    profile: { specialties: ['leadership'], verification: hidden('pending') },
  },
  Rejected: {
    firstName: 'Rex',
    profile: { specialties: ['leadership'], verification: hidden('rejected') },
  },
  Suspended: { firstName: 'Sam', status: 'suspended', profile: { specialties: ['leadership'] } },
};

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  for (const [key, options] of Object.entries(COACHES)) {
    ids[key] = (await createTestCoach(options)).id;
  }
  admin = await sessionFor(await createUser({ role: 'admin' }));
});
afterAll(() => t.close());

async function search(query: string): Promise<CoachDirectoryPage> {
  const res = await t.http.get(`/api/coaches${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as CoachDirectoryPage;
}
const keysOf = (page: CoachDirectoryPage) =>
  page.items.map((coach) => Object.keys(ids).find((key) => ids[key] === coach._id));

describe('GET /api/coaches', () => {
  it('lists only approved, listed coaches of active users, best rated first by default', async () => {
    const page = await search('');
    expect(page).toMatchObject({ page: 1, limit: 20, total: 4 });
    expect(keysOf(page)).toEqual(['B', 'E', 'A', 'C']);
  });

  it('searches headline, specialties and bio with one $text query, by relevance', async () => {
    const page = await search('?q=leadership');
    expect(keysOf(page)).toEqual(['A', 'E', 'C']);
    expect(page.total).toBe(3);
  });

  it('finds coaches by name, ignoring case and accents', async () => {
    expect(keysOf(await search('?q=KAHN'))).toEqual(['B']);
    expect(keysOf(await search('?q=chloe'))).toEqual(['C']);
  });

  it('filters by specialty, language, price range with currency, and minimum rating', async () => {
    expect(keysOf(await search('?specialty=career'))).toEqual(['A', 'C']);
    expect(keysOf(await search('?language=FR'))).toEqual(['C']);
    expect(keysOf(await search('?minPrice=6000&maxPrice=10000&currency=EUR'))).toEqual(['A']);
    expect(keysOf(await search('?maxPrice=20000&currency=USD'))).toEqual(['E']);
    expect(keysOf(await search('?minRating=4.85'))).toEqual(['B', 'E']);
    expect(keysOf(await search('?q=leadership&language=de'))).toEqual(['A']);
  });

  it('sorts by rating or by price, coaches without a price last', async () => {
    expect(keysOf(await search('?sort=rating'))).toEqual(['B', 'E', 'A', 'C']);
    expect(keysOf(await search('?sort=price'))).toEqual(['B', 'A', 'E', 'C']);
  });

  it('pages with a total', async () => {
    const page = await search('?sort=rating&page=2&limit=2');
    expect(page).toMatchObject({ page: 2, limit: 2, total: 4 });
    expect(keysOf(page)).toEqual(['A', 'C']);
    expect((await search('?page=9')).items).toEqual([]);
  });

  it('treats empty parameters as absent', async () => {
    expect((await search('?q=&language=&sort=')).total).toBe(4);
  });

  it.each([
    ['?sort=cheapest', 'sort'],
    ['?limit=101', 'limit'],
    ['?limit=0', 'limit'],
    ['?page=abc', 'page'],
    ['?minPrice=-1', 'minPrice'],
    ['?minPrice=abc', 'minPrice'],
    ['?minPrice=5000&maxPrice=100', 'maxPrice'],
    ['?minRating=6', 'minRating'],
    ['?currency=BTC', 'currency'],
    ['?language=xx', 'language'],
    ['?specialty=astrology', 'specialty'],
    ['?language=en&language=de', 'language'],
    ['?limit=5&limit=6', 'limit'],
    ['?minRating[$gt]=0', 'minRating[$gt]'],
    ['?q[$ne]=x', 'q[$ne]'],
    ['?availableWithinDays=3', 'availableWithinDays'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await t.http.get(`/api/coaches${query}`);
    expect(res.status).toBe(400);
    const { error } = res.body as ApiErrorBody;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect((error.details as { field: string }[]).map((d) => d.field)).toContain(field);
  });

  it('drops a coach at once when the account is suspended, and brings them back on reinstatement', async () => {
    const moderate = (action: string) =>
      t.http
        .post(`/api/admin/users/${ids.A}/${action}`)
        .set(bearer(admin.accessToken))
        .send({ reason: 'Test' });
    expect((await moderate('suspend')).status).toBe(200);
    expect(keysOf(await search(''))).toEqual(['B', 'E', 'C']);
    expect((await t.http.get(`/api/coaches/${ids.A}`)).status).toBe(404);
    expect((await moderate('reinstate')).status).toBe(200);
    expect(keysOf(await search(''))).toEqual(['B', 'E', 'A', 'C']);
  });
});
