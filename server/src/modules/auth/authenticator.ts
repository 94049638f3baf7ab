import type { AccessTokens } from '../../core/auth/access-token.js';
import type { PrincipalCache, PrincipalState } from '../../core/auth/principal-cache.js';
import type { Authenticator } from '../../core/auth/principal.js';
import type { PrincipalInvalidation } from '../../core/auth/shared-principal-invalidation.js';
import { AppError } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { mustSetUpTwoFactor } from '../../domain/admin-two-factor.js';
import { findRoleAndStatus } from '../users/user-accounts.js';
import { isSessionActive } from './session.service.js';

/** The account and the session as the database has them now (two reads, side by side). */
async function readPrincipalState(
  sessionId: string,
  userId: string,
): Promise<PrincipalState | null> {
  const [user, sessionOpen] = await Promise.all([
    findRoleAndStatus(userId),
    isSessionActive(sessionId, userId),
  ]);
  if (!user) return null;
  return {
    userId,
    role: user.role,
    status: user.status,
    twoFactorEnabled: user.twoFactorEnabled === true,
    sessionOpen,
  };
}

/**
 * Access token -> Principal, for HTTP and sockets alike. The role, status and two-factor state
 * (admins may be required to have it: `policy`) and whether the session is open come from the
 * principal cache, read from the database on a miss. The cache is emptied by the events that
 * change them (`forgetChangedPrincipals`), so a suspension, logout or role change still applies
 * to the very next request.
 */
export function createAuthenticator(
  accessTokens: AccessTokens,
  cache: PrincipalCache,
  policy: { requiredForAdmins: boolean } = { requiredForAdmins: false },
): Authenticator {
  return async (token) => {
    if (!token) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue');
    const claims = accessTokens.verify(token);
    const state = await cache.get(claims.sessionId, claims.userId, () =>
      readPrincipalState(claims.sessionId, claims.userId),
    );
    if (!state) throw new AppError(401, 'INVALID_TOKEN', 'The account no longer exists');
    // Checked before the session: suspension also closes sessions, and the client must learn why.
    if (state.status === 'suspended') {
      throw new AppError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended');
    }
    if (!state.sessionOpen) throw new AppError(401, 'INVALID_TOKEN', 'This session has ended');
    return {
      userId: claims.userId,
      role: state.role,
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt,
      twoFactorSetupRequired: mustSetUpTwoFactor(
        { role: state.role, twoFactorEnabled: state.twoFactorEnabled },
        policy,
      ),
    };
  };
}

/**
 * Subscribes the principal cache to every event that changes what it holds. Each is published
 * after its change committed and delivered before this process reads its next request, so the
 * next request here reads the database again; `invalidation` carries it to the other processes.
 */
export function forgetChangedPrincipals(deps: {
  events: EventBus;
  invalidation: PrincipalInvalidation;
}): () => void {
  const { events, invalidation } = deps;
  const dropUser = ({ userId }: { userId: string }) => invalidation.dropUser(userId);
  const unsubscribes = [
    events.subscribe('session.revoked', 'principal cache', ({ sessionId }) =>
      invalidation.dropSession(sessionId),
    ),
    events.subscribe('user.suspended', 'principal cache', dropUser),
    events.subscribe('user.reinstated', 'principal cache', dropUser),
    events.subscribe('user.role_changed', 'principal cache', dropUser),
    events.subscribe('user.two_factor_changed', 'principal cache', dropUser),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
