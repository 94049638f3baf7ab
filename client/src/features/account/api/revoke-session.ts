import type { SessionDTO } from '@coachhub/shared/sessions';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { sessionsQueryOptions } from './get-sessions';

export const revokeSession = async (sessionId: string): Promise<void> => {
  await apiClient.delete(`/auth/sessions/${encodeURIComponent(sessionId)}`);
};

/** Gone from the list at once; the list is then asked again (another device may have changed it). */
export const useRevokeSession = () => {
  const queryClient = useQueryClient();
  const { queryKey } = sessionsQueryOptions();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: (_answer, sessionId) => {
      queryClient.setQueryData<SessionDTO[]>(queryKey, (sessions) =>
        sessions?.filter((session) => session.id !== sessionId),
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
};
