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
