import type { SessionTypeDTO } from '@coachhub/shared/booking';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getSessionTypes = async (coachId: string): Promise<SessionTypeDTO[]> => {
  const { data } = await apiClient.get<SessionTypeDTO[]>(
    `/coaches/${encodeURIComponent(coachId)}/session-types`,
  );
  return data;
};

export const sessionTypesQueryOptions = (coachId: string) =>
  queryOptions({
    queryKey: ['session-types', coachId],
    queryFn: () => getSessionTypes(coachId),
  });

/**
 * The coach's own session types, inactive ones included, for the practice pages. Clients book
 * from the coach's profile (`GET /coaches/:userId`), which lists the active ones.
 */
export const useSessionTypes = (coachId: string) => useQuery(sessionTypesQueryOptions(coachId));

export const invalidateSessionTypes = (queryClient: QueryClient, coachId: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: sessionTypesQueryOptions(coachId).queryKey });
