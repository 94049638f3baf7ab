import type { CreatePackageRequest, PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { setPriceConfigData } from './get-price-config';

export type AddPackageInput = CreatePackageRequest;

export const addPackage = async (
  userId: string,
  input: AddPackageInput,
): Promise<PriceConfigurationDTO> => {
  const { data } = await apiClient.post<PriceConfigurationDTO>(
    `/prices/config/${encodeURIComponent(userId)}/packages`,
    input,
  );
  return data;
};

/** The answer is the whole configuration, with the new package and its id. */
export const useAddPackage = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddPackageInput) => addPackage(userId, input),
    onSuccess: (config) => setPriceConfigData(queryClient, config),
  });
};
