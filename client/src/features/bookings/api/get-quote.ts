import type { QuoteRequest } from '@coachhub/shared/booking';
import type { Quote } from '@coachhub/shared/pricing';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** A `POST` because it computes, but it changes nothing: cached like a read. */
export const getQuote = async (request: QuoteRequest): Promise<Quote> => {
  const { data } = await apiClient.post<Quote>('/prices/quote', request);
  return data;
};

export const quoteQueryOptions = (request: QuoteRequest) =>
  queryOptions({
    queryKey: ['quote', request],
    queryFn: () => getQuote(request),
  });

export const useQuote = (request: QuoteRequest | null) =>
  useQuery({
    ...quoteQueryOptions(request ?? { coachId: '', sessionTypeId: '', start: '' }),
    enabled: request !== null,
  });
