import { useSocketStatus } from '@/lib/use-socket-status';

import { usePresence } from '../api/get-presence';
import { PresenceDot } from './presence-dot';
import type { PresenceState } from './presence-dot';

const stateOf = (status: ReturnType<typeof useSocketStatus>, online: boolean | undefined) => {
  if (status === 'disconnected') return 'offline';
  if (status === 'connecting' || online === undefined) return 'connecting';
  return online ? 'online' : 'offline';
};

/**
 * The signed-in user's own status as the server sees it. Without a connection the server
 * cannot be asked, and for everyone else the user is offline.
 */
export const OwnPresence = ({ userId }: { userId: string }) => {
  const status = useSocketStatus();
  const presence = usePresence(userId, { enabled: status === 'connected' });
  const state: PresenceState = stateOf(status, presence.data);
  return <PresenceDot state={state} />;
};
