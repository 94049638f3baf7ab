import type { CoachReviewsPage, ReviewDTO } from '@coachhub/shared/review';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** Reviews per "Show more". */
export const COACH_REVIEWS_PAGE_SIZE = 5;

export const getCoachReviews = async (coachId: string, page: number): Promise<CoachReviewsPage> => {
  const { data } = await apiClient.get<CoachReviewsPage>(
    `/coaches/${encodeURIComponent(coachId)}/reviews`,
    { params: { page, limit: COACH_REVIEWS_PAGE_SIZE } },
  );
  return data;
};

const COACH_REVIEWS_KEY = ['reviews', 'coach'] as const;

/** A coach's visible reviews, newest first, one page more at a time. */
export const coachReviewsQueryOptions = (coachId: string) =>
  infiniteQueryOptions({
    queryKey: [...COACH_REVIEWS_KEY, coachId],
    queryFn: ({ pageParam }) => getCoachReviews(coachId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last: CoachReviewsPage) =>
      last.page * last.limit < last.total ? last.page + 1 : undefined,
  });

export const useCoachReviews = (coachId: string) =>
  useInfiniteQuery(coachReviewsQueryOptions(coachId));

/** Puts a changed review (a reply) in place on every loaded page of its coach. */
export const putReviewInCoachList = (queryClient: QueryClient, review: ReviewDTO): void => {
  queryClient.setQueryData<InfiniteData<CoachReviewsPage, number>>(
    coachReviewsQueryOptions(review.coachId).queryKey,
    (pages) =>
      pages && {
        ...pages,
        pages: pages.pages.map((page) => ({
          ...page,
          items: page.items.map((item) => (item._id === review._id ? review : item)),
        })),
      },
  );
};

/** After a new review the coach's figures and list are read again. */
export const invalidateCoachReviews = (queryClient: QueryClient, coachId: string) =>
  queryClient.invalidateQueries({ queryKey: coachReviewsQueryOptions(coachId).queryKey });
