import type { PatchPriceValuesRequest, PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { setPriceConfigData } from './get-price-config';
import { invalidateSessionTypes } from './get-session-types';

/** Currency and rates; discounts and packages change through their own routes. */
export type UpdatePriceConfigInput = Required<
  Pick<PatchPriceValuesRequest, 'currency' | 'baseHourlyRate' | 'sessionTypeRates'>
>;

export const updatePriceConfig = async (
  userId: string,
  input: UpdatePriceConfigInput,
): Promise<PriceConfigurationDTO> => {
  const { data } = await apiClient.patch<PriceConfigurationDTO>(
    `/prices/config/${encodeURIComponent(userId)}`,
    input,
  );
  return data;
};

/** Session types carry their price, so they are fetched again with the new rates. */
export const useUpdatePriceConfig = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePriceConfigInput) => updatePriceConfig(userId, input),
    onSuccess: (config) => {
      setPriceConfigData(queryClient, config);
      void invalidateSessionTypes(queryClient, userId);
    },
  });
};
