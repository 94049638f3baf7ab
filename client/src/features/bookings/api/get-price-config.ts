import type { PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getPriceConfig = async (userId: string): Promise<PriceConfigurationDTO> => {
  const { data } = await apiClient.get<PriceConfigurationDTO>(
    `/prices/config/${encodeURIComponent(userId)}`,
  );
  return data;
};

export const priceConfigQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: ['price-config', userId],
    queryFn: () => getPriceConfig(userId),
  });

export const usePriceConfig = (userId: string) => useQuery(priceConfigQueryOptions(userId));

export const setPriceConfigData = (queryClient: QueryClient, config: PriceConfigurationDTO) => {
  queryClient.setQueryData(priceConfigQueryOptions(config.coachId).queryKey, config);
};

export const invalidatePriceConfig = (queryClient: QueryClient, userId: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: priceConfigQueryOptions(userId).queryKey });

type ItemList = 'discounts' | 'packages';

/**
 * Takes one discount or package out of the cached configuration before the server confirms the
 * delete. Returns what puts it back, for when the delete fails.
 */
export const removePriceItem = async (
  queryClient: QueryClient,
  userId: string,
  list: ItemList,
  itemId: string,
): Promise<() => void> => {
  const { queryKey } = priceConfigQueryOptions(userId);
  // A refetch landing now would bring the item back before the delete is saved.
  await queryClient.cancelQueries({ queryKey });
  const snapshot = queryClient.getQueryData(queryKey);
  if (snapshot) {
    const remaining = snapshot[list].filter((item) => item._id !== itemId);
    queryClient.setQueryData(queryKey, { ...snapshot, [list]: remaining });
  }
  return () => queryClient.setQueryData(queryKey, snapshot);
};
