import type { CoachMatchRequest, CoachMatchResponse } from '@coachhub/shared/coach';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** A POST because the wishes are a document, but it changes nothing: cached like a query. */
export const matchCoaches = async (request: CoachMatchRequest): Promise<CoachMatchResponse> => {
  const { data } = await apiClient.post<CoachMatchResponse>('/coaches/match', request);
  return data;
};

export const coachMatchQueryOptions = (request: CoachMatchRequest) =>
  queryOptions({
    queryKey: ['coaches', 'match', request],
    queryFn: () => matchCoaches(request),
  });

/** Runs once the client has submitted their wishes (`request` is null before). */
export const useCoachMatch = (request: CoachMatchRequest | null) =>
  useQuery({
    // The placeholder request is never sent: `enabled` is false without a real one.
    ...coachMatchQueryOptions(request ?? { specialties: [] }),
    enabled: request !== null,
  });
