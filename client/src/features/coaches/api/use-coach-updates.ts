import type { CoachUpdatedEvent } from '@coachhub/shared/coach';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { setCoachData } from './get-coach';
import { invalidateCoachDirectory } from './get-coaches';

/**
 * `coach:updated` reaches a coach when an admin decides on their verification: the profile
 * (and its notice) changes on screen without a reload. Returns the function that stops it.
 */
export const followCoachUpdates = (source: AppSocket, queryClient: QueryClient): (() => void) => {
  const onUpdated = ({ coach }: CoachUpdatedEvent) => {
    setCoachData(queryClient, coach);
    void invalidateCoachDirectory(queryClient);
  };
  source.on('coach:updated', onUpdated);
  return () => {
    source.off('coach:updated', onUpdated);
  };
};

/** Mount once, in the layout. */
export const useCoachUpdates = (): void => {
  const queryClient = useQueryClient();
  useEffect(() => followCoachUpdates(socket, queryClient), [queryClient]);
};
