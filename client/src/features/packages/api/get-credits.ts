import type { CreditBalance, PackagePurchaseDTO } from '@coachhub/shared/payment';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

const OWN_PACKAGES_KEY = ['packages', 'mine'] as const;

export const getCredits = async (): Promise<CreditBalance[]> => {
  const { data } = await apiClient.get<CreditBalance[]>('/users/me/credits');
  return data;
};

/** Purchases per "Show older purchases". */
export const PURCHASES_PAGE_SIZE = 20;

/** One page of the caller's purchases, newest first (a plain list: a short page is the last). */
export const getPackagePurchases = async (page: number): Promise<PackagePurchaseDTO[]> => {
  const { data } = await apiClient.get<PackagePurchaseDTO[]>('/users/me/package-purchases', {
    params: { page, limit: PURCHASES_PAGE_SIZE },
  });
  return data;
};

/** The caller's usable credits, one entry per purchase that still has some. */
export const creditsQueryOptions = () =>
  queryOptions({
    queryKey: [...OWN_PACKAGES_KEY, 'credits'],
    queryFn: getCredits,
    // Bookings elsewhere (this tab, another device) use and return credits: read them afresh.
    staleTime: 0,
  });

/** Every package the caller bought, whatever became of it. */
export const packagePurchasesQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...OWN_PACKAGES_KEY, 'purchases'],
    queryFn: ({ pageParam }) => getPackagePurchases(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last: PackagePurchaseDTO[], pages) =>
      last.length === PURCHASES_PAGE_SIZE ? pages.length + 1 : undefined,
  });

export const useCredits = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...creditsQueryOptions(), enabled });

export const usePackagePurchases = () => useInfiniteQuery(packagePurchasesQueryOptions());

/** A purchase, a paid checkout or a booking with a credit changes both lists. */
export const invalidateOwnPackages = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: OWN_PACKAGES_KEY });
