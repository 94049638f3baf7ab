import type { MessageDeleteScope, MessageDTO } from '@coachhub/shared/conversation';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { noteUpdatedMessage } from './conversation-cache';
import { invalidateConversationList } from './get-conversations';
import { removeMessage, replaceMessage, updateMessages } from './message-cache';

export interface DeleteMessageInput {
  message: MessageDTO;
  scope: MessageDeleteScope;
}

/** `everyone` answers the tombstone; `me` answers 204 (nothing). */
export const deleteMessage = async ({
  message,
  scope,
}: DeleteMessageInput): Promise<MessageDTO | null> => {
  const { data } = await apiClient.delete<MessageDTO | ''>(
    `/messages/${encodeURIComponent(message._id)}`,
    { params: { for: scope } },
  );
  return data || null;
};

/** For me: it leaves this viewer's history. For everyone: a tombstone, for the others too. */
export const useDeleteMessage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMessage,
    onSuccess: (tombstone, { message }) => {
      if (tombstone) {
        updateMessages(queryClient, message.conversationId, (data) =>
          replaceMessage(data, tombstone),
        );
        noteUpdatedMessage(queryClient, tombstone);
        return;
      }
      updateMessages(queryClient, message.conversationId, (data) =>
        removeMessage(data, message._id),
      );
      // The list's last message may have been this one: only the server knows the one before.
      void invalidateConversationList(queryClient);
    },
  });
};
