/** What the API and page benchmarks read of the demo data, through the public API. */
import type { Page } from '@coachhub/shared/pagination';

export const DEMO_CLIENT_EMAIL = 'lena.client@demo.coachhub.test';
/** The seed's demo password (server/README.md "Demo accounts"). */
export const DEMO_PASSWORD = 'CoachHub-demo-1';
/** Carla, a documented demo coach with hours, session types and bookings. */
const DEMO_COACH = { firstName: 'Carla', lastName: 'Jensen' };

export async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** An access token of the demo client. */
export async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_CLIENT_EMAIL, password: DEMO_PASSWORD }),
  });
  const { accessToken } = await json<{ accessToken?: string }>(response, 'POST /api/auth/login');
  if (!accessToken) throw new Error('POST /api/auth/login gave no access token');
  return accessToken;
}

/** The demo coach's user id (the first coach of the directory if Carla is not listed). */
export async function findDemoCoach(baseUrl: string): Promise<string> {
  const page = await json<Page<{ _id: string; firstName: string; lastName: string }>>(
    await fetch(`${baseUrl}/api/coaches?limit=100`),
    'GET /api/coaches',
  );
  const coach =
    page.items.find(
      (item) => item.firstName === DEMO_COACH.firstName && item.lastName === DEMO_COACH.lastName,
    ) ?? page.items[0];
  if (!coach) throw new Error('the directory is empty: no demo coach to read');
  return coach._id;
}
