import type { AdminStatsDTO } from '@coachhub/shared/admin';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getAdminStats = async (): Promise<AdminStatsDTO> => {
  const { data } = await apiClient.get<AdminStatsDTO>('/admin/stats');
  return data;
};

export const adminStatsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'stats'] as const, queryFn: getAdminStats });

export const useAdminStats = () => useQuery(adminStatsQueryOptions());
