import type { TwoFactorStatusDTO } from '@coachhub/shared/two-factor';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getTwoFactorStatus = async (): Promise<TwoFactorStatusDTO> => {
  const { data } = await apiClient.get<TwoFactorStatusDTO>('/auth/two-factor');
  return data;
};

/** The signed-in user's; a logout clears the whole cache, so the key needs no user id. */
export const twoFactorStatusQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'two-factor'] as const,
    queryFn: getTwoFactorStatus,
  });

/** Asked only while it is on: off, the user's `twoFactorEnabled` says all there is. */
export const useTwoFactorStatus = (enabled: boolean) =>
  useQuery({ ...twoFactorStatusQueryOptions(), enabled });
