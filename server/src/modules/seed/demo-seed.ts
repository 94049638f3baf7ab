import type { Role } from '@coachhub/shared/roles';
import { DEFAULT_MEETING_BASE_URL } from '../../core/config/config.js';
import type { Logger } from '../../core/logger.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { CoachLifecycle } from '../coaches/coach-lifecycle.js';
import type { StorageDriver } from '../uploads/storage-driver.js';
import { findUsersByEmails } from '../users/user-accounts.js';
import { ensureAccount, type SeedAccount } from './accounts.js';
import { DEMO_COACHES } from './demo-coaches.js';
import { seedDemoBookings } from './demo-bookings-seed.js';
import { seedDemoCoaches } from './demo-coach-seed.js';
import { DEMO_REVIEWERS } from './demo-reviewers.js';
import { seedDemoReviews } from './demo-reviews-seed.js';
import { seedDemoScheduling } from './demo-scheduling-seed.js';

/** Every demo account uses this password (documented in server/README.md). */
export const DEMO_PASSWORD = 'CoachHub-demo-1';

const demo = (email: string, firstName: string, lastName: string, role: Role): SeedAccount => ({
  email,
  firstName,
  lastName,
  role,
  password: DEMO_PASSWORD,
});

/** The documented accounts (server/README.md "Demo accounts"). */
export const DEMO_ACCOUNTS: readonly SeedAccount[] = [
  demo('admin@demo.coachhub.test', 'Ada', 'Admin', 'admin'),
  demo('carla.coach@demo.coachhub.test', 'Carla', 'Jensen', 'coach'),
  demo('marco.coach@demo.coachhub.test', 'Marco', 'Weber', 'coach'),
  demo('lena.client@demo.coachhub.test', 'Lena', 'Fischer', 'client'),
  demo('tom.client@demo.coachhub.test', 'Tom', 'Becker', 'client'),
];

/**
 * Everyone the seed creates: the documented accounts, the directory's demo coaches and the
 * clients who wrote their reviews.
 */
export const ALL_DEMO_ACCOUNTS: readonly SeedAccount[] = [
  ...DEMO_ACCOUNTS,
  ...DEMO_COACHES.filter((coach) => !DEMO_ACCOUNTS.some((a) => a.email === coach.email)).map(
    (coach) => demo(coach.email, coach.firstName, coach.lastName, 'coach'),
  ),
  ...DEMO_REVIEWERS.map((reviewer) =>
    demo(reviewer.email, reviewer.firstName, reviewer.lastName, 'client'),
  ),
];

export interface DemoSeedDeps {
  logger: Logger;
  coachLifecycle: CoachLifecycle;
  /** Where the demo coach pictures are written (the local driver). */
  pictures: StorageDriver;
  /** Prefix of the demo bookings' meeting links (config MEETING_BASE_URL). */
  meetingBaseUrl?: string;
}

/** Idempotent: accounts that exist (by email) and coaches that have a profile are not touched. */
export async function seedDemoData(deps: DemoSeedDeps): Promise<void> {
  const existing = await findUsersByEmails(
    ALL_DEMO_ACCOUNTS.map((a) => a.email),
    'email',
  );
  const missing = ALL_DEMO_ACCOUNTS.filter((a) => !existing.some((u) => u.email === a.email));
  // One bcrypt run for all of them: the demo password is the same everywhere.
  const passwordHash = missing.length > 0 ? await hashPassword(DEMO_PASSWORD) : undefined;
  const created = await Promise.all(missing.map((account) => ensureAccount(account, passwordHash)));
  const accounts = created.filter(Boolean).length;
  const coaches = await seedDemoCoaches(deps);
  const schedules = await seedDemoScheduling();
  const meetingBaseUrl = deps.meetingBaseUrl ?? DEFAULT_MEETING_BASE_URL;
  const bookings = await seedDemoBookings(meetingBaseUrl);
  // After the bookings: one of Tom's completed sessions is among the reviewed ones.
  const reviews = await seedDemoReviews(meetingBaseUrl);
  deps.logger.info(
    accounts + coaches + schedules + bookings + reviews > 0
      ? `Demo data: created ${accounts} accounts, ${coaches} coach profiles, session types and prices for ${schedules} coaches, ${bookings} bookings and ${reviews} reviewed sessions (password ${DEMO_PASSWORD})`
      : 'Demo data: already present',
  );
}
