import type { UnreadCounts } from '@coachhub/shared/conversation';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { sessionQueryOptions } from '@/lib/auth/session';

import { applyUnreadCounts } from './conversation-cache';

export const markConversationRead = async (conversationId: string): Promise<UnreadCounts> => {
  const { data } = await apiClient.post<UnreadCounts>(
    `/conversations/${encodeURIComponent(conversationId)}/read`,
  );
  return data;
};

/** Read up to the newest message; the badges take the counts the server answers. */
export const useMarkConversationRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markConversationRead,
    onSuccess: (counts) => {
      const viewer = queryClient.getQueryData(sessionQueryOptions().queryKey);
      if (viewer) applyUnreadCounts(queryClient, counts, viewer._id);
    },
  });
};
