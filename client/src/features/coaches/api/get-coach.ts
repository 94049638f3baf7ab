import type { CoachProfileDTO } from '@coachhub/shared/booking';
import type { CoachDTO } from '@coachhub/shared/coach';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** The coach and the session types a client can book. */
export const getCoach = async (userId: string): Promise<CoachProfileDTO> => {
  const { data } = await apiClient.get<CoachProfileDTO>(`/coaches/${encodeURIComponent(userId)}`);
  return data;
};

export const coachQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: ['coaches', 'detail', userId],
    queryFn: () => getCoach(userId),
  });

export const useCoach = (userId: string) => useQuery(coachQueryOptions(userId));

/**
 * Stores a coach the API answered with elsewhere (an edit, a socket event). Those carry the
 * plain coach, without session types: they update a cached profile and keep its session types;
 * with no profile cached there is nothing to update (the next visit fetches it whole).
 */
export const setCoachData = (queryClient: QueryClient, coach: CoachDTO): void => {
  queryClient.setQueryData(coachQueryOptions(coach._id).queryKey, (profile) =>
    profile ? { ...profile, ...coach } : undefined,
  );
};
