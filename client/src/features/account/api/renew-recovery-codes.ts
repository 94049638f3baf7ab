import type { RecoveryCodesResponse, TwoFactorCodeRequest } from '@coachhub/shared/two-factor';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { twoFactorStatusQueryOptions } from './get-two-factor-status';

/** Ten new recovery codes; the old ones stop working. */
export const renewRecoveryCodes = async (input: TwoFactorCodeRequest): Promise<string[]> => {
  const { data } = await apiClient.post<RecoveryCodesResponse>(
    '/auth/two-factor/recovery-codes',
    input,
  );
  return data.recoveryCodes;
};

export const useRenewRecoveryCodes = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewRecoveryCodes,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: twoFactorStatusQueryOptions().queryKey }),
  });
};
