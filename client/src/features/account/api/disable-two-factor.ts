import type { TwoFactorCodeRequest } from '@coachhub/shared/two-factor';
import type { UserDTO } from '@coachhub/shared/user';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { sessionQueryOptions } from '@/lib/auth/session';

import { twoFactorStatusQueryOptions } from './get-two-factor-status';

export const disableTwoFactor = async (input: TwoFactorCodeRequest): Promise<void> => {
  await apiClient.post('/auth/two-factor/disable', input);
};

export const useDisableTwoFactor = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: () => {
      queryClient.setQueryData<UserDTO | null>(sessionQueryOptions().queryKey, (user) =>
        user ? { ...user, twoFactorEnabled: false } : user,
      );
      queryClient.removeQueries({ queryKey: twoFactorStatusQueryOptions().queryKey });
    },
  });
};
