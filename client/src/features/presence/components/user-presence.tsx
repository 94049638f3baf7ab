import { useSocketStatus } from '@/lib/use-socket-status';

import { usePresence } from '../api/get-presence';
import { PresenceDot } from './presence-dot';

/**
 * Whether someone else is online, asked over the socket and kept current by `presence:update`.
 * Without a connection nothing is known: the dot says so.
 */
export const UserPresence = ({ userId }: { userId: string }) => {
  const status = useSocketStatus();
  const presence = usePresence(userId, { enabled: status === 'connected' });
  if (status !== 'connected' || presence.data === undefined) {
    return <PresenceDot state="connecting" />;
  }
  return <PresenceDot state={presence.data ? 'online' : 'offline'} />;
};
