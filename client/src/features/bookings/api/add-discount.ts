import type { CreateDiscountRequest, PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { setPriceConfigData } from './get-price-config';

export type AddDiscountInput = CreateDiscountRequest;

export const addDiscount = async (
  userId: string,
  input: AddDiscountInput,
): Promise<PriceConfigurationDTO> => {
  const { data } = await apiClient.post<PriceConfigurationDTO>(
    `/prices/config/${encodeURIComponent(userId)}/discounts`,
    input,
  );
  return data;
};

/** The answer is the whole configuration, with the new discount and its id. */
export const useAddDiscount = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddDiscountInput) => addDiscount(userId, input),
    onSuccess: (config) => setPriceConfigData(queryClient, config),
  });
};
