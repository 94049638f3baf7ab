import type {
  MessageDTO,
  MessagePreviewDTO,
  MessageSendPayload,
} from '@coachhub/shared/conversation';
import type { Ack } from '@coachhub/shared/socket-events';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';
import { sessionQueryOptions } from '@/lib/auth/session';
import { socket } from '@/lib/socket';

import { noteNewMessage } from './conversation-cache';
import type { ChatMessage } from './get-messages';
import { putLocal, setDelivery, settleLocal, updateMessages } from './message-cache';
import { ACK_TIMEOUT_MS, answerOf } from './socket-ack';

export interface SendMessageInput {
  conversationId: string;
  /** The optimistic copy's id, the same on every retry. */
  clientId: string;
  body: string;
  replyTo?: MessagePreviewDTO | null;
  image?: File | null;
}

/** A random id for an optimistic message; `randomUUID` needs a secure context. */
export const newClientId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const sendOverSocket = async (payload: MessageSendPayload): Promise<MessageDTO> => {
  // socket.io's typings lose the ack's type once `timeout()` prepends its error argument.
  const answer: Promise<Ack<MessageDTO>> = socket
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('message:send', payload);
  return answerOf(answer);
};

/** Pictures go over HTTP (multipart field `file`); so does text while the socket is down. */
const sendOverHttp = async (input: SendMessageInput): Promise<MessageDTO> => {
  const url = `/conversations/${encodeURIComponent(input.conversationId)}/messages`;
  const replyTo = input.replyTo?._id;
  if (input.image) {
    const form = new FormData();
    form.append('file', input.image);
    if (input.body) form.append('body', input.body);
    if (replyTo) form.append('replyTo', replyTo);
    const { data } = await apiClient.post<MessageDTO>(url, form);
    return data;
  }
  const { data } = await apiClient.post<MessageDTO>(url, {
    body: input.body,
    ...(replyTo ? { replyTo } : {}),
  });
  return data;
};

export const sendMessage = (input: SendMessageInput): Promise<MessageDTO> =>
  input.image || !socket.connected
    ? sendOverHttp(input)
    : sendOverSocket({
        conversationId: input.conversationId,
        body: input.body,
        clientId: input.clientId,
        ...(input.replyTo ? { replyTo: input.replyTo._id } : {}),
      });

const previewUrl = (image: File): string | null =>
  typeof URL.createObjectURL === 'function' ? URL.createObjectURL(image) : null;

const optimisticCopy = (input: SendMessageInput, senderId: string): ChatMessage => {
  const url = input.image ? previewUrl(input.image) : null;
  return {
    _id: `local:${input.clientId}`,
    conversationId: input.conversationId,
    senderId,
    kind: 'text',
    body: input.body || null,
    image: url ? { url } : null,
    proposal: null,
    replyTo: input.replyTo ?? null,
    editedAt: null,
    deleted: false,
    createdAt: new Date().toISOString(),
    clientId: input.clientId,
    local: { state: 'sending', ...(input.image ? { image: input.image } : {}) },
  };
};

/**
 * The message shows at once (`sending`), then becomes the stored one from the ack or the HTTP
 * answer; `message:new` for it may come first and is merged by `clientId`. A failure leaves it
 * on screen as `failed`, to be sent again with the same `clientId`.
 */
export const useSendMessage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendMessage,
    onMutate: (input) => {
      const viewer = queryClient.getQueryData(sessionQueryOptions().queryKey);
      updateMessages(queryClient, input.conversationId, (data) =>
        putLocal(data, optimisticCopy(input, viewer?._id ?? '')),
      );
    },
    onSuccess: (message, input) => {
      const viewer = queryClient.getQueryData(sessionQueryOptions().queryKey);
      updateMessages(queryClient, input.conversationId, (data) =>
        settleLocal(data, input.clientId, message),
      );
      noteNewMessage(queryClient, message, viewer?._id);
    },
    onError: (error, input) => {
      updateMessages(queryClient, input.conversationId, (data) =>
        setDelivery(data, input.clientId, {
          state: 'failed',
          errorCode: toApiError(error).code,
          ...(input.image ? { image: input.image } : {}),
        }),
      );
    },
  });
};
