import type { SlotsResponse } from '@coachhub/shared/booking';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export interface SlotsQuery {
  coachId: string;
  sessionTypeId: string;
  /** ISO instants bounding the range. */
  from: string;
  to: string;
  /** The viewer's zone. */
  timeZone: string;
}

export const getSlots = async ({ coachId, ...params }: SlotsQuery): Promise<SlotsResponse> => {
  const { data } = await apiClient.get<SlotsResponse>(
    `/coaches/${encodeURIComponent(coachId)}/slots`,
    { params },
  );
  return data;
};

const SLOTS_KEY = 'slots';

export const slotsQueryOptions = (query: SlotsQuery) =>
  queryOptions({
    queryKey: [SLOTS_KEY, query.coachId, query],
    queryFn: () => getSlots(query),
    // Someone else may book at any moment: never show free times older than this.
    staleTime: 15_000,
  });

/** While another month loads, the previous one stays on screen (marked busy). */
export const useSlots = (query: SlotsQuery, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...slotsQueryOptions(query), enabled, placeholderData: keepPreviousData });

/** Every cached range of the coach: after a booking, a conflict or a change of hours. */
export const invalidateSlots = (queryClient: QueryClient, coachId: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: [SLOTS_KEY, coachId] });
