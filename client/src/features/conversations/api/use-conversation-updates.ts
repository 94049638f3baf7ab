import type { MessageEvent, MessageReadEvent } from '@coachhub/shared/conversation';
import type { NotificationEvent } from '@coachhub/shared/notification';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { sessionQueryOptions } from '@/lib/auth/session';
import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { noteNewMessage, noteRead, noteUpdatedMessage } from './conversation-cache';
import { invalidateConversations } from './get-conversation';
import { invalidateConversationList } from './get-conversations';
import { dropHiddenMessages } from './get-messages';
import { mergeMessages, replaceMessage, updateMessages } from './message-cache';

/**
 * `message:new`, `message:updated` and `message:read` reach every socket of the participants:
 * the cached history, the conversation and the list follow. A `message.received` notification
 * means a conversation changed while the user was away: the list is fetched again. Returns the
 * function that stops it.
 */
export const followConversationUpdates = (
  source: AppSocket,
  queryClient: QueryClient,
): (() => void) => {
  const viewerId = () => queryClient.getQueryData(sessionQueryOptions().queryKey)?._id;
  const onNew = ({ message }: MessageEvent) => {
    updateMessages(queryClient, message.conversationId, (data) => mergeMessages(data, [message]));
    noteNewMessage(queryClient, message, viewerId());
  };
  const onUpdated = ({ message }: MessageEvent) => {
    updateMessages(queryClient, message.conversationId, (data) => replaceMessage(data, message));
    noteUpdatedMessage(queryClient, message);
  };
  const onRead = (event: MessageReadEvent) => noteRead(queryClient, event);
  const onNotification = ({ notification }: NotificationEvent) => {
    if (notification.type === 'message.received') void invalidateConversationList(queryClient);
  };
  // Missed while disconnected: the list and conversations are fetched again; histories not on
  // screen are dropped (the open one catches up through its room, use-conversation-room).
  const onConnect = () => {
    void invalidateConversationList(queryClient);
    void invalidateConversations(queryClient);
    dropHiddenMessages(queryClient);
  };

  source.on('message:new', onNew);
  source.on('message:updated', onUpdated);
  source.on('message:read', onRead);
  source.on('notification:new', onNotification);
  source.on('connect', onConnect);
  return () => {
    source.off('message:new', onNew);
    source.off('message:updated', onUpdated);
    source.off('message:read', onRead);
    source.off('notification:new', onNotification);
    source.off('connect', onConnect);
  };
};

/** Mount once, in the layout. */
export const useConversationUpdates = (): void => {
  const queryClient = useQueryClient();
  useEffect(() => followConversationUpdates(socket, queryClient), [queryClient]);
};
