import bcrypt from 'bcryptjs';

/** domain.md: bcryptjs with cost >= 12. */
export const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against the stored hash, or against a throwaway hash of equal cost when there is
 * none, so an unknown email takes as long to refuse as a wrong password.
 */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  if (hash !== undefined) return bcrypt.compare(password, hash);
  dummyHash ??= bcrypt.hash('no-such-account-placeholder', BCRYPT_COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
