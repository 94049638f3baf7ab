import { MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import type { ConversationRef, TypingEvent } from '@coachhub/shared/conversation';
import type { Ack } from '@coachhub/shared/socket-events';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { getMessages, messagesQueryOptions } from './get-messages';
import type { MessagePages } from './get-messages';
import { mergeMessages, newestStoredId, updateMessages } from './message-cache';
import { ACK_TIMEOUT_MS, answerOf } from './socket-ack';

/** More than this many pages missed: the history is loaded afresh instead. */
const MAX_CATCH_UP_PAGES = 5;

export const joinConversation = (source: AppSocket, conversationId: string) => {
  const answer: Promise<Ack<ConversationRef>> = source
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('conversation:join', { conversationId });
  return answerOf(answer);
};

/**
 * After a reconnect: everything newer than the newest message on screen (`?after=`), merged
 * in without duplicates (what did arrive meanwhile, and the messages still being sent, stay);
 * then the newest page again, so edits, deletions and proposal answers missed meanwhile show.
 */
export const catchUp = async (queryClient: QueryClient, conversationId: string): Promise<void> => {
  const { queryKey } = messagesQueryOptions(conversationId);
  const cached = queryClient.getQueryData<MessagePages>(queryKey);
  if (!cached) return;
  let after = newestStoredId(cached);
  if (after === null) {
    await queryClient.invalidateQueries({ queryKey });
    return;
  }
  for (let round = 0; round < MAX_CATCH_UP_PAGES; round += 1) {
    const page = await getMessages(conversationId, { after }, MESSAGE_LIMITS.pageMax);
    updateMessages(queryClient, conversationId, (data) => mergeMessages(data, page.items));
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) {
      const newest = await getMessages(conversationId, null);
      updateMessages(queryClient, conversationId, (data) => mergeMessages(data, newest.items));
      return;
    }
    after = last._id;
  }
  await queryClient.resetQueries({ queryKey });
};

/**
 * While a conversation is open: its room is joined (typing reaches only the room), again after
 * every reconnect, which also catches up on missed messages. `onTyping` hears the others type.
 */
export const followConversationRoom = (
  source: AppSocket,
  queryClient: QueryClient,
  conversationId: string,
  onTyping: (userId: string) => void,
): (() => void) => {
  const join = () => void joinConversation(source, conversationId).catch(() => undefined);
  const onConnect = () => {
    join();
    void catchUp(queryClient, conversationId).catch(() => undefined);
  };
  const onTypingEvent = (event: TypingEvent) => {
    if (event.conversationId === conversationId) onTyping(event.userId);
  };
  if (source.connected) join();
  source.on('connect', onConnect);
  source.on('typing', onTypingEvent);
  return () => {
    source.off('connect', onConnect);
    source.off('typing', onTypingEvent);
  };
};

export const useConversationRoom = (
  conversationId: string,
  onTyping: (userId: string) => void,
): void => {
  const queryClient = useQueryClient();
  const onTypingRef = useRef(onTyping);
  useEffect(() => {
    onTypingRef.current = onTyping;
  });
  useEffect(
    () =>
      followConversationRoom(socket, queryClient, conversationId, (userId) =>
        onTypingRef.current(userId),
      ),
    [queryClient, conversationId],
  );
};

let lastTypingSent = new Map<string, number>();

/** Tells the others the viewer is typing, at most as often as the server relays it. */
export const sendTyping = (conversationId: string): void => {
  const now = Date.now();
  const last = lastTypingSent.get(conversationId) ?? 0;
  if (!socket.connected || now - last < MESSAGE_LIMITS.typingIntervalSeconds * 1000) return;
  lastTypingSent = new Map(lastTypingSent).set(conversationId, now);
  const answer: Promise<Ack<{ relayed: boolean }>> = socket
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('typing', { conversationId });
  void answerOf(answer).catch(() => undefined);
};
