import type { SessionEndReason } from '@coachhub/shared/socket-events';
import type { SessionRevokedReason } from '../../core/events/domain-events.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/socket/realtime.js';

/** A suspended account's open sockets hear why, then close (on every server process). */
export function closeSocketsOfSuspendedAccounts(deps: {
  events: EventBus;
  realtime: Pick<Realtime, 'emitToUser' | 'disconnectUser'>;
}): () => void {
  return deps.events.subscribe('user.suspended', 'account sockets', ({ userId, reason }) => {
    deps.realtime.emitToUser(userId, 'account:suspended', { reason });
    deps.realtime.disconnectUser(userId);
  });
}

const SOCKET_REASON: Record<Exclude<SessionRevokedReason, 'suspended'>, SessionEndReason> = {
  logout: 'logout',
  password_change: 'password_change',
  reuse: 'reuse',
  revoked: 'revoked',
};

/**
 * An ended session's sockets close at once, on every server process: logout, a password change
 * (every other session), a replayed refresh token, its user ending it from the list of sessions.
 * Suspension is told by `account:suspended`.
 */
export function closeSocketsOfEndedSessions(deps: {
  events: EventBus;
  realtime: Pick<Realtime, 'endSession'>;
}): () => void {
  return deps.events.subscribe('session.revoked', 'session sockets', ({ sessionId, reason }) => {
    if (reason === 'suspended') return;
    deps.realtime.endSession(sessionId, SOCKET_REASON[reason]);
  });
}
