import type { Role } from '@coachhub/shared/roles';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { hashPassword } from '../auth/password-hasher.js';
import { createUser, emailInUse } from '../users/user-accounts.js';

export interface SeedAccount {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role: Role;
}

/**
 * Creates the account unless its email exists; an existing account is left exactly as it is.
 * Returns whether it was created. Safe to run from several processes at once. `passwordHash`,
 * when given, must be the hash of `account.password` (it saves a bcrypt run per account).
 */
export async function ensureAccount(account: SeedAccount, passwordHash?: string): Promise<boolean> {
  const email = account.email.toLowerCase();
  if (await emailInUse(email)) return false;
  try {
    await createUser({
      email,
      firstName: account.firstName,
      lastName: account.lastName,
      role: account.role,
      passwordHash: passwordHash ?? (await hashPassword(account.password)),
    });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
