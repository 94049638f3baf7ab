import type { AccessTokens } from '../../core/auth/access-token.js';
import type { Authenticator } from '../../core/auth/principal.js';
import { AppError } from '../../core/errors.js';
import { mustSetUpTwoFactor } from '../../domain/admin-two-factor.js';
import { findRoleAndStatus } from '../users/user-accounts.js';
import { isSessionActive } from './session.service.js';

/**
 * Access token -> Principal, for HTTP and sockets alike. The role and status are read from
 * the database each time, so a suspension or role change applies to the very next request;
 * so is two-factor sign-in, which admins may be required to have (`policy`).
 */
export function createAuthenticator(
  accessTokens: AccessTokens,
  policy: { requiredForAdmins: boolean } = { requiredForAdmins: false },
): Authenticator {
  return async (token) => {
    if (!token) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue');
    const claims = accessTokens.verify(token);
    const [user, sessionOpen] = await Promise.all([
      findRoleAndStatus(claims.userId),
      isSessionActive(claims.sessionId, claims.userId),
    ]);
    if (!user) throw new AppError(401, 'INVALID_TOKEN', 'The account no longer exists');
    // Checked before the session: suspension also closes sessions, and the client must learn why.
    if (user.status === 'suspended') {
      throw new AppError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended');
    }
    if (!sessionOpen) throw new AppError(401, 'INVALID_TOKEN', 'This session has ended');
    return {
      userId: claims.userId,
      role: user.role,
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt,
      twoFactorSetupRequired: mustSetUpTwoFactor(
        { role: user.role, twoFactorEnabled: user.twoFactorEnabled === true },
        policy,
      ),
    };
  };
}
