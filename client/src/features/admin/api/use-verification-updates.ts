import type { CoachVerificationEvent } from '@coachhub/shared/coach';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { invalidatePendingCoaches, putCoachInQueue } from './get-pending-coaches';

/**
 * `coach:verification_changed` reaches admins when a coach applies or is decided: the verification
 * queue follows without a reload. Changes missed while disconnected are made up by fetching the
 * queue again on `connect`. Returns the function that stops it.
 */
export const followVerificationUpdates = (
  source: AppSocket,
  queryClient: QueryClient,
): (() => void) => {
  const onChanged = ({ coach }: CoachVerificationEvent) => {
    void putCoachInQueue(queryClient, coach);
  };
  const onConnect = () => {
    void invalidatePendingCoaches(queryClient);
  };
  source.on('coach:verification_changed', onChanged);
  source.on('connect', onConnect);
  return () => {
    source.off('coach:verification_changed', onChanged);
    source.off('connect', onConnect);
  };
};

/** Mount once, in the layout (only admins' sockets hear the event). */
export const useVerificationUpdates = (): void => {
  const queryClient = useQueryClient();
  useEffect(() => followVerificationUpdates(socket, queryClient), [queryClient]);
};
