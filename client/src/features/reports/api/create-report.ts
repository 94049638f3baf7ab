import type { CreateReportRequest, ReportDTO } from '@coachhub/shared/report';
import { useMutation } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const createReport = async (request: CreateReportRequest): Promise<ReportDTO> => {
  const { data } = await apiClient.post<ReportDTO>('/reports', request);
  return data;
};

/** Files a report; nothing the reporter sees changes (only the admins' queue does). */
export const useCreateReport = () => useMutation({ mutationFn: createReport });
