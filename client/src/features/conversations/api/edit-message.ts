import type { EditMessageRequest, MessageDTO } from '@coachhub/shared/conversation';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { noteUpdatedMessage } from './conversation-cache';
import { replaceMessage, updateMessages } from './message-cache';

export interface EditMessageInput {
  message: MessageDTO;
  body: string;
}

export const editMessage = async ({ message, body }: EditMessageInput): Promise<MessageDTO> => {
  const request: EditMessageRequest = { body };
  const { data } = await apiClient.patch<MessageDTO>(
    `/messages/${encodeURIComponent(message._id)}`,
    request,
  );
  return data;
};

/** The sender's new text; the others get it as `message:updated`. */
export const useEditMessage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editMessage,
    onSuccess: (message) => {
      updateMessages(queryClient, message.conversationId, (data) => replaceMessage(data, message));
      noteUpdatedMessage(queryClient, message);
    },
  });
};
