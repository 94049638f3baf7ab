import type { CreateProposalRequest, MessageDTO } from '@coachhub/shared/conversation';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { sessionQueryOptions } from '@/lib/auth/session';

import { noteNewMessage } from './conversation-cache';
import { mergeMessages, updateMessages } from './message-cache';

export interface CreateProposalInput {
  conversationId: string;
  request: CreateProposalRequest;
}

export const createProposal = async ({
  conversationId,
  request,
}: CreateProposalInput): Promise<MessageDTO> => {
  const { data } = await apiClient.post<MessageDTO>(
    `/conversations/${encodeURIComponent(conversationId)}/proposals`,
    request,
  );
  return data;
};

/** A proposal card joins the conversation (the others get it as `message:new`). */
export const useCreateProposal = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProposal,
    onSuccess: (message) => {
      const viewer = queryClient.getQueryData(sessionQueryOptions().queryKey);
      updateMessages(queryClient, message.conversationId, (data) => mergeMessages(data, [message]));
      noteNewMessage(queryClient, message, viewer?._id);
    },
  });
};
