import type { Logger } from '../../core/logger.js';
import { findUserByEmail } from '../users/user-accounts.js';
import { ensureAccount } from './accounts.js';

/** ADMIN_EMAIL/ADMIN_PASSWORD: that admin exists after boot (created, or left as it is). */
export async function ensureAdminAccount(
  admin: { email: string; password: string },
  logger: Logger,
): Promise<void> {
  const created = await ensureAccount({
    ...admin,
    firstName: 'Admin',
    lastName: 'CoachHub',
    role: 'admin',
  });
  if (created) {
    logger.info(`Admin account ${admin.email} created from ADMIN_EMAIL`);
    return;
  }
  const existing = await findUserByEmail(admin.email);
  if (existing && existing.role !== 'admin') {
    logger.warn(`ADMIN_EMAIL ${admin.email} belongs to a ${existing.role} account; left unchanged`);
  }
}
