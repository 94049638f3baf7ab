import type { RecoveryCodesResponse, TwoFactorCodeRequest } from '@coachhub/shared/two-factor';
import type { UserDTO } from '@coachhub/shared/user';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient, refreshAccessToken } from '@/lib/api-client';
import { sessionQueryOptions } from '@/lib/auth/session';
import { twoFactorSetup } from '@/lib/two-factor-setup';

import { twoFactorStatusQueryOptions } from './get-two-factor-status';

export const enableTwoFactor = async (input: TwoFactorCodeRequest): Promise<string[]> => {
  const { data } = await apiClient.post<RecoveryCodesResponse>('/auth/two-factor/enable', input);
  return data.recoveryCodes;
};

/**
 * On: the session's user says so, and an admin who was held back is free. Every query is asked
 * again (those refused before now answer) and the token is renewed, so the socket, which the
 * server refused until now, connects.
 */
export const useEnableTwoFactor = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableTwoFactor,
    onSuccess: async () => {
      const { queryKey } = sessionQueryOptions();
      queryClient.setQueryData<UserDTO | null>(queryKey, (user) =>
        user ? { ...user, twoFactorEnabled: true } : user,
      );
      const wasHeldBack = twoFactorSetup.isRequired();
      twoFactorSetup.clear();
      await queryClient.invalidateQueries({ queryKey: twoFactorStatusQueryOptions().queryKey });
      if (wasHeldBack) {
        await queryClient.invalidateQueries();
        await refreshAccessToken().catch(() => undefined);
      }
    },
  });
};
