import type { ReviewDTO, ReviewResponseRequest } from '@coachhub/shared/review';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { putReviewInCoachList } from './get-coach-reviews';

export interface RespondInput extends ReviewResponseRequest {
  reviewId: string;
}

/** The first reply posts it, a later one (within 24 hours) edits it: the same request. */
export const respondToReview = async ({ reviewId, body }: RespondInput): Promise<ReviewDTO> => {
  const { data } = await apiClient.post<ReviewDTO>(
    `/reviews/${encodeURIComponent(reviewId)}/response`,
    { body } satisfies ReviewResponseRequest,
  );
  return data;
};

export const useRespondToReview = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: respondToReview,
    onSuccess: (review) => {
      notify('success', 'reviews.reply.saved');
      putReviewInCoachList(queryClient, review);
    },
  });
};
