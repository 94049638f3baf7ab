import { MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import type {
  ConversationDTO,
  MessageDTO,
  MessagePreviewDTO,
  MessageReadEvent,
  ReadReceiptDTO,
  UnreadCounts,
} from '@coachhub/shared/conversation';
import type { QueryClient } from '@tanstack/react-query';

import { updateConversationData } from './get-conversation';
import {
  conversationsQueryOptions,
  invalidateConversationList,
  isListed,
  updateListedConversation,
} from './get-conversations';
import { isShowingMessages } from './get-messages';

const previewText = (message: MessageDTO): string | null => {
  if (message.deleted) return null;
  const line = message.body?.replace(/\s+/g, ' ').trim() ?? '';
  const { previewMax } = MESSAGE_LIMITS;
  if (line !== '') {
    return line.length <= previewMax ? line : `${line.slice(0, previewMax - 1)}…`;
  }
  if (message.image) return '📷';
  if (message.proposal) return `📅 ${message.proposal.sessionType.title}`;
  return null;
};

/** The same one-line preview the server builds for the list and for quotes. */
export const previewOfMessage = (message: MessageDTO): MessagePreviewDTO => ({
  _id: message._id,
  senderId: message.senderId,
  preview: previewText(message),
  deleted: message.deleted,
  createdAt: message.createdAt,
});

const unreadTotalNow = (queryClient: QueryClient): number | undefined =>
  queryClient.getQueryData(conversationsQueryOptions().queryKey)?.pages[0]?.unreadTotal;

/**
 * A new message (the socket's `message:new` or the sender's own answer): the conversation moves
 * to the top of the list with it as its last message, and one more is unread unless the viewer
 * wrote it or has the conversation open (the pane marks it read). A conversation the list does
 * not show yet is new: the list is fetched again.
 */
export const noteNewMessage = (
  queryClient: QueryClient,
  message: MessageDTO,
  viewerId: string | undefined,
): void => {
  const { conversationId } = message;
  const counts =
    message.senderId !== viewerId && !isShowingMessages(queryClient, conversationId) ? 1 : 0;
  const update = (conversation: ConversationDTO): ConversationDTO => {
    const newer =
      !conversation.lastMessage || conversation.lastMessage.createdAt <= message.createdAt;
    if (!newer || conversation.lastMessage?._id === message._id) return conversation;
    return {
      ...conversation,
      lastMessage: previewOfMessage(message),
      lastActivityAt: message.createdAt,
      unreadCount: conversation.unreadCount + counts,
    };
  };
  if (!isListed(queryClient, conversationId)) {
    void invalidateConversationList(queryClient);
  } else {
    const listed = queryClient
      .getQueryData(conversationsQueryOptions().queryKey)
      ?.pages.flatMap((page) => page.items)
      .find((item) => item._id === conversationId);
    const isNew = listed !== undefined && update(listed) !== listed;
    const total = unreadTotalNow(queryClient);
    updateListedConversation(
      queryClient,
      conversationId,
      update,
      isNew && total !== undefined ? total + counts : undefined,
    );
  }
  updateConversationData(queryClient, conversationId, update);
};

/** An edit or a deletion for everyone shows in the list when it is the last message. */
export const noteUpdatedMessage = (queryClient: QueryClient, message: MessageDTO): void => {
  const update = (conversation: ConversationDTO): ConversationDTO =>
    conversation.lastMessage?._id === message._id
      ? { ...conversation, lastMessage: previewOfMessage(message) }
      : conversation;
  updateListedConversation(queryClient, message.conversationId, update);
  updateConversationData(queryClient, message.conversationId, update);
};

const withReceipt = (reads: readonly ReadReceiptDTO[], receipt: ReadReceiptDTO) => [
  ...reads.filter((read) => read.userId !== receipt.userId),
  receipt,
];

/** Someone read up to `readAt` (the socket's `message:read`): the ticks follow. */
export const noteRead = (queryClient: QueryClient, event: MessageReadEvent): void => {
  const update = (conversation: ConversationDTO): ConversationDTO => {
    const known = conversation.reads.find((read) => read.userId === event.userId);
    if (known && known.readAt >= event.readAt) return conversation;
    return {
      ...conversation,
      reads: withReceipt(conversation.reads, { userId: event.userId, readAt: event.readAt }),
    };
  };
  updateListedConversation(queryClient, event.conversationId, update);
  updateConversationData(queryClient, event.conversationId, update);
};

/** The viewer's own read mark (`POST /conversations/:id/read`): the badges take its counts. */
export const applyUnreadCounts = (
  queryClient: QueryClient,
  counts: UnreadCounts,
  viewerId: string,
): void => {
  const update = (conversation: ConversationDTO): ConversationDTO => ({
    ...conversation,
    unreadCount: counts.unreadCount,
    reads: counts.readAt
      ? withReceipt(conversation.reads, { userId: viewerId, readAt: counts.readAt })
      : conversation.reads,
  });
  updateListedConversation(queryClient, counts.conversationId, update, counts.unreadTotal);
  updateConversationData(queryClient, counts.conversationId, update);
};
