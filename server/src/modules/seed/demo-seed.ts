import type { Role } from '@coachhub/shared/roles';
import type { Logger } from '../../core/logger.js';
import { ensureAccount, type SeedAccount } from './accounts.js';

/** Every demo account uses this password (documented in server/README.md). */
export const DEMO_PASSWORD = 'CoachHub-demo-1';

const demo = (email: string, firstName: string, lastName: string, role: Role): SeedAccount => ({
  email,
  firstName,
  lastName,
  role,
  password: DEMO_PASSWORD,
});

export const DEMO_ACCOUNTS: readonly SeedAccount[] = [
  demo('admin@demo.coachhub.test', 'Ada', 'Admin', 'admin'),
  demo('carla.coach@demo.coachhub.test', 'Carla', 'Jensen', 'coach'),
  demo('marco.coach@demo.coachhub.test', 'Marco', 'Weber', 'coach'),
  demo('lena.client@demo.coachhub.test', 'Lena', 'Fischer', 'client'),
  demo('tom.client@demo.coachhub.test', 'Tom', 'Becker', 'client'),
];

/** Idempotent: accounts that exist (by email) are not touched. */
export async function seedDemoData(logger: Logger): Promise<void> {
  const created = await Promise.all(DEMO_ACCOUNTS.map((account) => ensureAccount(account)));
  const count = created.filter(Boolean).length;
  logger.info(
    count > 0
      ? `Demo data: created ${count} demo accounts (password ${DEMO_PASSWORD})`
      : 'Demo data: already present',
  );
}
