import type { ReviewDTO } from '@coachhub/shared/review';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { invalidateAdminReviews } from './get-admin-reviews';

export interface ReviewModerationInput {
  reviewId: string;
  action: 'hide' | 'restore';
  reason: string;
}

export const moderateReview = async ({
  reviewId,
  action,
  reason,
}: ReviewModerationInput): Promise<ReviewDTO> => {
  const { data } = await apiClient.post<ReviewDTO>(
    `/admin/reviews/${encodeURIComponent(reviewId)}/${action}`,
    { reason },
  );
  return data;
};

export const useModerateReview = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderateReview,
    onSuccess: (_review, { action }) =>
      notify('success', action === 'hide' ? 'admin.reviews.hidden' : 'admin.reviews.restored'),
    onSettled: () => invalidateAdminReviews(queryClient),
  });
};
