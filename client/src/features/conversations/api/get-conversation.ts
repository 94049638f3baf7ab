import type { ConversationDTO } from '@coachhub/shared/conversation';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getConversation = async (conversationId: string): Promise<ConversationDTO> => {
  const { data } = await apiClient.get<ConversationDTO>(
    `/conversations/${encodeURIComponent(conversationId)}`,
  );
  return data;
};

const DETAIL_KEY = ['conversations', 'detail'] as const;

export const conversationQueryOptions = (conversationId: string) =>
  queryOptions({
    queryKey: [...DETAIL_KEY, conversationId],
    queryFn: () => getConversation(conversationId),
  });

export const useConversation = (conversationId: string) =>
  useQuery(conversationQueryOptions(conversationId));

export const setConversationData = (queryClient: QueryClient, conversation: ConversationDTO) =>
  queryClient.setQueryData(conversationQueryOptions(conversation._id).queryKey, conversation);

export const updateConversationData = (
  queryClient: QueryClient,
  conversationId: string,
  update: (conversation: ConversationDTO) => ConversationDTO,
): void => {
  queryClient.setQueryData(conversationQueryOptions(conversationId).queryKey, (current) =>
    current ? update(current) : current,
  );
};

export const invalidateConversations = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: DETAIL_KEY });
