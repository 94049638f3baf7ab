import type { ReviewModerationPage, ReviewModerationQuery } from '@coachhub/shared/review';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { ADMIN_PAGE_SIZE } from './get-admin-users';

export const getAdminReviews = async (
  query: ReviewModerationQuery,
): Promise<ReviewModerationPage> => {
  const { data } = await apiClient.get<ReviewModerationPage>('/admin/reviews', {
    params: { ...query, limit: ADMIN_PAGE_SIZE },
  });
  return data;
};

const REVIEWS_KEY = ['admin', 'reviews'] as const;

export const adminReviewsQueryOptions = (query: ReviewModerationQuery) =>
  queryOptions({ queryKey: [...REVIEWS_KEY, query], queryFn: () => getAdminReviews(query) });

export const useAdminReviews = (query: ReviewModerationQuery) =>
  useQuery({ ...adminReviewsQueryOptions(query), placeholderData: keepPreviousData });

export const invalidateAdminReviews = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: REVIEWS_KEY });
