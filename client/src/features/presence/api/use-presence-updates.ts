import type { PresenceUpdate } from '@coachhub/shared/socket-events';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { invalidateAllPresence, setPresence } from './get-presence';

/** Writes live presence events into the query cache; returns the function that stops it. */
export const followPresence = (source: AppSocket, queryClient: QueryClient): (() => void) => {
  const onUpdate = ({ userId, online }: PresenceUpdate) => setPresence(queryClient, userId, online);
  // Updates sent while disconnected were missed: ask again for everyone on screen.
  const onConnect = () => void invalidateAllPresence(queryClient);

  source.on('presence:update', onUpdate);
  source.on('connect', onConnect);
  return () => {
    source.off('presence:update', onUpdate);
    source.off('connect', onConnect);
  };
};

/** Mount once, in the layout. */
export const usePresenceUpdates = (): void => {
  const queryClient = useQueryClient();
  useEffect(() => followPresence(socket, queryClient), [queryClient]);
};
