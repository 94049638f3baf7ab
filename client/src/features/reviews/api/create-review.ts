import type { CreateReviewRequest, ReviewDTO } from '@coachhub/shared/review';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';

import { invalidateCoachReviews } from './get-coach-reviews';
import { myReviewQueryOptions, setMyReview } from './get-my-review';

export const createReview = async (request: CreateReviewRequest): Promise<ReviewDTO> => {
  const { data } = await apiClient.post<ReviewDTO>('/reviews', request);
  return data;
};

/** The booking shows "Reviewed" at once; the coach's list and figures are read again. */
export const useCreateReview = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReview,
    onSuccess: (review) => {
      notify('success', 'reviews.form.published');
      setMyReview(queryClient, review);
      void invalidateCoachReviews(queryClient, review.coachId);
    },
    // Reviewed meanwhile (another tab): show the review that exists.
    onError: (error, { bookingId }) => {
      if (toApiError(error).code !== 'ALREADY_REVIEWED') return;
      void queryClient.invalidateQueries({ queryKey: myReviewQueryOptions(bookingId).queryKey });
    },
  });
};
