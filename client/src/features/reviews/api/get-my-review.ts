import type { MyReviewsPage, ReviewDTO } from '@coachhub/shared/review';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** The caller's review of one booking, or null while they have not written one. */
export const getMyReview = async (bookingId: string): Promise<ReviewDTO | null> => {
  const { data } = await apiClient.get<MyReviewsPage>('/reviews/mine', {
    params: { bookingId, limit: 1 },
  });
  return data.items[0] ?? null;
};

export const myReviewQueryOptions = (bookingId: string) =>
  queryOptions({
    queryKey: ['reviews', 'mine', bookingId],
    queryFn: () => getMyReview(bookingId),
    // A review is written once and only its author can write it: what was read stays true.
    staleTime: Infinity,
  });

export const useMyReview = (bookingId: string) => useQuery(myReviewQueryOptions(bookingId));

export const setMyReview = (queryClient: QueryClient, review: ReviewDTO): void => {
  queryClient.setQueryData(myReviewQueryOptions(review.bookingId).queryKey, review);
};
