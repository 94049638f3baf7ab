import type { ConversationDTO, CreateConversationRequest } from '@coachhub/shared/conversation';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { setConversationData } from './get-conversation';
import { invalidateConversationList, isListed } from './get-conversations';

/** The existing conversation (200) or a new one (201): with a person, for a booking, or support. */
export const openConversation = async (
  request: CreateConversationRequest,
): Promise<ConversationDTO> => {
  const { data } = await apiClient.post<ConversationDTO>('/conversations', request);
  return data;
};

export const useOpenConversation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openConversation,
    onSuccess: (conversation) => {
      setConversationData(queryClient, conversation);
      if (!isListed(queryClient, conversation._id)) void invalidateConversationList(queryClient);
    },
  });
};
