import type { RevokeOtherSessionsResponse, SessionDTO } from '@coachhub/shared/sessions';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { sessionsQueryOptions } from './get-sessions';

export const revokeOtherSessions = async (): Promise<RevokeOtherSessionsResponse> => {
  const { data } = await apiClient.post<RevokeOtherSessionsResponse>(
    '/auth/sessions/revoke-others',
  );
  return data;
};

export const useRevokeOtherSessions = () => {
  const queryClient = useQueryClient();
  const { queryKey } = sessionsQueryOptions();
  return useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: () => {
      queryClient.setQueryData<SessionDTO[]>(queryKey, (sessions) =>
        sessions?.filter((session) => session.current),
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
};
