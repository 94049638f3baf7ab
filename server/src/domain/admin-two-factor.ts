import type { Role } from '@coachhub/shared/roles';

/**
 * REQUIRE_ADMIN_2FA: an admin whose account has no two-factor sign-in yet holds tokens that open
 * only what it takes to turn it on. Anyone else, and every admin while the rule is off, is free.
 */
export function mustSetUpTwoFactor(
  account: { role: Role; twoFactorEnabled: boolean },
  policy: { requiredForAdmins: boolean },
): boolean {
  return policy.requiredForAdmins && account.role === 'admin' && !account.twoFactorEnabled;
}

/**
 * The routes such an admin may still call: who am I, set up and confirm two-factor sign-in, and
 * sign out (which reads the refresh cookie, not the token, and is listed for completeness).
 */
export const ROUTES_BEFORE_TWO_FACTOR_SETUP = [
  'GET /api/users/me',
  'POST /api/auth/two-factor/setup',
  'POST /api/auth/two-factor/enable',
  'POST /api/auth/logout',
] as const;

const OPEN = new Set<string>(ROUTES_BEFORE_TWO_FACTOR_SETUP);

/**
 * Whether `method path` is one of those routes. The path is read as the router matches it: any
 * letter case, one trailing slash allowed; HEAD is a GET without the body.
 */
export function isOpenBeforeTwoFactorSetup(method: string, path: string): boolean {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const normalised = path.length > 1 ? path.replace(/\/$/, '') : path;
  return OPEN.has(`${verb} ${normalised.toLowerCase()}`);
}
