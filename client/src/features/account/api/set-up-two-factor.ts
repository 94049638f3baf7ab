import type { TwoFactorSetupResponse } from '@coachhub/shared/two-factor';
import { useMutation } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** A new secret and its QR code; nothing is on until `enableTwoFactor` confirms it. */
export const setUpTwoFactor = async (): Promise<TwoFactorSetupResponse> => {
  const { data } = await apiClient.post<TwoFactorSetupResponse>('/auth/two-factor/setup');
  return data;
};

export const useSetUpTwoFactor = () => useMutation({ mutationFn: setUpTwoFactor });
