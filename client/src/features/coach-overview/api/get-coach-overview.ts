import type { CoachOverviewDTO } from '@coachhub/shared/dashboard';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getCoachOverview = async (): Promise<CoachOverviewDTO> => {
  const { data } = await apiClient.get<CoachOverviewDTO>('/dashboard/coach');
  return data;
};

export const coachOverviewQueryOptions = () =>
  queryOptions({
    queryKey: ['dashboard', 'coach'] as const,
    queryFn: getCoachOverview,
  });

export const useCoachOverview = () => useQuery(coachOverviewQueryOptions());
