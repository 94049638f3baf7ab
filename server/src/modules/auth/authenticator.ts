import type { AccessTokens } from '../../core/auth/access-token.js';
import type { PrincipalCache, PrincipalState } from '../../core/auth/principal-cache.js';
import type { Authenticator } from '../../core/auth/principal.js';
import type { PrincipalInvalidation } from '../../core/auth/shared-principal-invalidation.js';
import { AppError } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { mustSetUpTwoFactor } from '../../domain/admin-two-factor.js';
import { findAccount } from '../users/user-accounts.js';
import { isSessionActive } from './session.service.js';

/** The account and the session as the database has them now (two reads, side by side). */
async function readPrincipalState(
  sessionId: string,
  userId: string,
): Promise<PrincipalState | null> {
  const [account, sessionOpen] = await Promise.all([
    findAccount(userId),
    isSessionActive(sessionId, userId),
  ]);
  return account ? { account: Object.freeze(account), sessionOpen } : null;
}

/**
 * Access token -> Principal, for HTTP and sockets alike. The account (role, status, two-factor
 * state, which admins may be required to have: `policy`; and the rest `/api/users/me` answers)
 * and whether the session is open come from the principal cache, read from the database on a
 * miss. The cache is emptied by the events that change them (`forgetChangedPrincipals`), so a
 * suspension, logout, role or profile change still applies to the very next request.
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
    const { account } = state;
    // Checked before the session: suspension also closes sessions, and the client must learn why.
    if (account.status === 'suspended') {
      throw new AppError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended');
    }
    if (!state.sessionOpen) throw new AppError(401, 'INVALID_TOKEN', 'This session has ended');
    return {
      userId: claims.userId,
      role: account.role,
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt,
      twoFactorSetupRequired: mustSetUpTwoFactor(
        { role: account.role, twoFactorEnabled: account.twoFactorEnabled },
        policy,
      ),
      account,
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
  // The acting admin's account is written too (its `updatedAt` guards the last-admin rule).
  const dropUserAndActor = ({ userId, by }: { userId: string; by: string }) => {
    invalidation.dropUser(userId);
    invalidation.dropUser(by);
  };
  const unsubscribes = [
    events.subscribe('session.revoked', 'principal cache', ({ sessionId }) =>
      invalidation.dropSession(sessionId),
    ),
    events.subscribe('user.suspended', 'principal cache', dropUserAndActor),
    events.subscribe('user.reinstated', 'principal cache', dropUserAndActor),
    events.subscribe('user.role_changed', 'principal cache', dropUser),
    events.subscribe('user.two_factor_changed', 'principal cache', dropUser),
    events.subscribe('user.account_changed', 'principal cache', dropUser),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
