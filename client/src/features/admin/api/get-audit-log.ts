import type { AuditLogEntryDTO, AuditLogQuery } from '@coachhub/shared/admin';
import type { Page } from '@coachhub/shared/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { ADMIN_PAGE_SIZE } from './get-admin-users';

export const getAuditLog = async (query: AuditLogQuery): Promise<Page<AuditLogEntryDTO>> => {
  const { data } = await apiClient.get<Page<AuditLogEntryDTO>>('/admin/audit-log', {
    params: { ...query, limit: ADMIN_PAGE_SIZE },
  });
  return data;
};

export const auditLogQueryOptions = (query: AuditLogQuery) =>
  queryOptions({
    queryKey: ['admin', 'audit-log', query] as const,
    queryFn: () => getAuditLog(query),
  });

export const useAuditLog = (query: AuditLogQuery) =>
  useQuery({ ...auditLogQueryOptions(query), placeholderData: keepPreviousData });
