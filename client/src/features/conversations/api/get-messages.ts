import { MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import type { MessageDTO, MessageHistory } from '@coachhub/shared/conversation';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import type { ApiErrorCode } from '@/lib/api-error';

/** A message the server has not stored (yet): shown at once, sent, retried on request. */
export interface LocalDelivery {
  state: 'sending' | 'failed';
  errorCode?: ApiErrorCode;
  /** The picture to send again on a retry. */
  image?: File;
}

/** A message as the pane shows it: the server's, or an optimistic copy with its delivery. */
export type ChatMessage = MessageDTO & { local?: LocalDelivery };

export interface ChatHistory {
  items: ChatMessage[];
  hasMore: boolean;
}

/** Page 0 is the newest; each further page is the one before (`?before=` its oldest message). */
export type MessagePages = InfiniteData<ChatHistory, string | null>;

export type HistoryCursor = { before: string } | { after: string } | null;

export const getMessages = async (
  conversationId: string,
  cursor: HistoryCursor,
  limit: number = MESSAGE_LIMITS.pageDefault,
): Promise<MessageHistory> => {
  const { data } = await apiClient.get<MessageHistory>(
    `/conversations/${encodeURIComponent(conversationId)}/messages`,
    { params: { ...cursor, limit } },
  );
  return data;
};

const MESSAGES_KEY = ['conversations', 'messages'] as const;

export const messagesQueryOptions = (conversationId: string) =>
  infiniteQueryOptions<
    ChatHistory,
    Error,
    MessagePages,
    readonly [...typeof MESSAGES_KEY, string],
    string | null
  >({
    queryKey: [...MESSAGES_KEY, conversationId],
    queryFn: ({ pageParam }) =>
      getMessages(conversationId, pageParam ? { before: pageParam } : null),
    initialPageParam: null,
    getNextPageParam: (page: ChatHistory) =>
      page.hasMore ? (page.items.find((message) => !message.local)?._id ?? null) : null,
    // The socket keeps it current and a reconnect catches up (`?after=`): a refetch of every
    // page would only lose the messages still being sent.
    staleTime: Infinity,
  });

export const useMessages = (conversationId: string) =>
  useInfiniteQuery(messagesQueryOptions(conversationId));

/** Oldest first, as the pane shows them. */
export const messagesInOrder = (data: MessagePages | undefined): ChatMessage[] =>
  data ? [...data.pages].reverse().flatMap((page) => page.items) : [];

/** Whether the conversation is open on screen (its messages are being watched). */
export const isShowingMessages = (queryClient: QueryClient, conversationId: string): boolean =>
  queryClient
    .getQueryCache()
    .find({ queryKey: messagesQueryOptions(conversationId).queryKey, exact: true })
    ?.isActive() ?? false;

/**
 * After a reconnect: conversations not on screen are dropped from the cache (fetched afresh
 * when opened); the one on screen catches up itself (see `use-conversation-room`).
 */
export const dropHiddenMessages = (queryClient: QueryClient): void => {
  queryClient.removeQueries({ queryKey: MESSAGES_KEY, type: 'inactive' });
};

/** Fetched again from the newest page (e.g. a proposal answered elsewhere). */
export const invalidateMessages = (queryClient: QueryClient, conversationId: string) =>
  queryClient.invalidateQueries({ queryKey: messagesQueryOptions(conversationId).queryKey });
