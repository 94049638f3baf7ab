import type { AdminUserDTO, AdminUserListQuery } from '@coachhub/shared/admin';
import type { Page } from '@coachhub/shared/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const ADMIN_PAGE_SIZE = 20;

export const getAdminUsers = async (query: AdminUserListQuery): Promise<Page<AdminUserDTO>> => {
  const { data } = await apiClient.get<Page<AdminUserDTO>>('/admin/users', {
    params: { ...query, limit: ADMIN_PAGE_SIZE },
  });
  return data;
};

const USERS_KEY = ['admin', 'users'] as const;

export const adminUsersQueryOptions = (query: AdminUserListQuery) =>
  queryOptions({ queryKey: [...USERS_KEY, query], queryFn: () => getAdminUsers(query) });

export const useAdminUsers = (query: AdminUserListQuery) =>
  useQuery({ ...adminUsersQueryOptions(query), placeholderData: keepPreviousData });

export const invalidateAdminUsers = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: USERS_KEY });
