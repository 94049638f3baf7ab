import type { CoachPackageOffer } from '@coachhub/shared/payment';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** A coach's active packages, as anyone may buy them. */
export const getCoachPackages = async (coachId: string): Promise<CoachPackageOffer[]> => {
  const { data } = await apiClient.get<CoachPackageOffer[]>(
    `/coaches/${encodeURIComponent(coachId)}/packages`,
  );
  return data;
};

export const coachPackagesQueryOptions = (coachId: string) =>
  queryOptions({
    queryKey: ['packages', 'coach', coachId],
    queryFn: () => getCoachPackages(coachId),
  });

export const useCoachPackages = (coachId: string) => useQuery(coachPackagesQueryOptions(coachId));
