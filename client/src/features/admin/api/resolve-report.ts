import type { AdminReportDTO, ResolveReportRequest } from '@coachhub/shared/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { invalidateAdminReports } from './get-admin-reports';

export const resolveReport = async ({
  reportId,
  ...body
}: ResolveReportRequest & { reportId: string }): Promise<AdminReportDTO> => {
  const { data } = await apiClient.post<AdminReportDTO>(
    `/admin/reports/${encodeURIComponent(reportId)}/resolve`,
    body,
  );
  return data;
};

export const useResolveReport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveReport,
    onSuccess: () => notify('success', 'admin.reports.resolved'),
    onSettled: () => invalidateAdminReports(queryClient),
  });
};
