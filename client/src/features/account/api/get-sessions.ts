import type { SessionDTO } from '@coachhub/shared/sessions';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getSessions = async (): Promise<SessionDTO[]> => {
  const { data } = await apiClient.get<SessionDTO[]>('/auth/sessions');
  return data;
};

/** The signed-in user's devices and browsers; a logout clears the cache. */
export const sessionsQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'sessions'] as const,
    queryFn: getSessions,
  });

export const useSessions = () => useQuery(sessionsQueryOptions());
