import type { Ack, PresenceUpdate } from '@coachhub/shared/socket-events';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { ApiError } from '@/lib/api-error';
import { socket } from '@/lib/socket';

const PRESENCE_ACK_TIMEOUT_MS = 5_000;

/**
 * Asks the server over the socket, which also subscribes this socket to the user's
 * `presence:update` (the server sends them only to sockets that asked).
 */
export const getPresence = async (userId: string): Promise<boolean> => {
  // socket.io's typings lose the ack's type once `timeout()` prepends its error argument.
  const answer: Ack<PresenceUpdate[]> = await socket
    .timeout(PRESENCE_ACK_TIMEOUT_MS)
    .emitWithAck('presence:query', { userIds: [userId] });
  if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message);
  return answer.data.some((entry) => entry.userId === userId && entry.online);
};

const PRESENCE_KEY = 'presence';

export const presenceQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: [PRESENCE_KEY, userId],
    queryFn: () => getPresence(userId),
    // Pushed by the server, so never stale while the socket is up.
    staleTime: Infinity,
    // Asked again whenever shown: a socket follows only the users it asked about last (200), so
    // one shown again after many others would otherwise miss its updates.
    refetchOnMount: 'always',
  });

export const usePresence = (userId: string, { enabled }: { enabled: boolean }) =>
  useQuery({ ...presenceQueryOptions(userId), enabled });

export const setPresence = (queryClient: QueryClient, userId: string, online: boolean): void => {
  queryClient.setQueryData(presenceQueryOptions(userId).queryKey, online);
};

/** After a reconnect the pushed updates may have been missed: ask again for everyone shown. */
export const invalidateAllPresence = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: [PRESENCE_KEY] });
