import type { CoachDirectoryPage, CoachDirectoryQuery } from '@coachhub/shared/coach';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getCoaches = async (query: CoachDirectoryQuery): Promise<CoachDirectoryPage> => {
  const { data } = await apiClient.get<CoachDirectoryPage>('/coaches', { params: query });
  return data;
};

const DIRECTORY_KEY = ['coaches', 'directory'] as const;

export const coachesQueryOptions = (query: CoachDirectoryQuery) =>
  queryOptions({
    queryKey: [...DIRECTORY_KEY, query],
    queryFn: () => getCoaches(query),
  });

/** While the next page or filter loads, the previous results stay on screen (marked busy). */
export const useCoaches = (query: CoachDirectoryQuery) =>
  useQuery({ ...coachesQueryOptions(query), placeholderData: keepPreviousData });

/** Every directory page, whatever its filters: a profile change can move a coach on any of them. */
export const invalidateCoachDirectory = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
