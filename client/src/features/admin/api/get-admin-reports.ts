import type { AdminReportDTO, AdminReportListQuery } from '@coachhub/shared/admin';
import type { Page } from '@coachhub/shared/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const REPORTS_PAGE_SIZE = 10;

export const getAdminReports = async (
  query: AdminReportListQuery,
): Promise<Page<AdminReportDTO>> => {
  const { data } = await apiClient.get<Page<AdminReportDTO>>('/admin/reports', {
    params: { ...query, limit: REPORTS_PAGE_SIZE },
  });
  return data;
};

const REPORTS_KEY = ['admin', 'reports'] as const;

export const adminReportsQueryOptions = (query: AdminReportListQuery) =>
  queryOptions({ queryKey: [...REPORTS_KEY, query], queryFn: () => getAdminReports(query) });

export const useAdminReports = (query: AdminReportListQuery) =>
  useQuery({ ...adminReportsQueryOptions(query), placeholderData: keepPreviousData });

/** A decision changes the queue and the overview's count of open reports. */
export const invalidateAdminReports = async (queryClient: QueryClient) => {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
    queryClient.invalidateQueries({ queryKey: ['admin', 'stats'] }),
  ]);
};
