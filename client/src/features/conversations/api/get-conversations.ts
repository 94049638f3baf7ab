import type { ConversationDTO, ConversationPage } from '@coachhub/shared/conversation';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const CONVERSATIONS_PAGE_SIZE = 20;

export const getConversations = async (page: number): Promise<ConversationPage> => {
  const { data } = await apiClient.get<ConversationPage>('/conversations', {
    params: { page, limit: CONVERSATIONS_PAGE_SIZE },
  });
  return data;
};

const LIST_KEY = ['conversations', 'list'] as const;

export type ConversationPages = InfiniteData<ConversationPage>;

/** Newest activity first; further pages ("show more") follow the first. */
export const conversationsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: LIST_KEY,
    queryFn: ({ pageParam }) => getConversations(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last: ConversationPage) =>
      last.page * last.limit < last.total ? last.page + 1 : undefined,
  });

export const useConversations = () => useInfiniteQuery(conversationsQueryOptions());

/**
 * Every conversation of the cached pages once, newest activity first: a socket update may move
 * one up before the server is asked again.
 */
export const listedConversations = (pages: ConversationPages | undefined): ConversationDTO[] => {
  const byId = new Map<string, ConversationDTO>();
  for (const page of pages?.pages ?? []) {
    for (const item of page.items) if (!byId.has(item._id)) byId.set(item._id, item);
  }
  return [...byId.values()].sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
};

/** The caller's unread messages over all conversations, as the newest page says. */
export const unreadTotalOf = (pages: ConversationPages | undefined): number =>
  pages?.pages[0]?.unreadTotal ?? 0;

/** Changes one conversation wherever the cached list holds it (and the total, when given). */
export const updateListedConversation = (
  queryClient: QueryClient,
  conversationId: string,
  update: (conversation: ConversationDTO) => ConversationDTO,
  unreadTotal?: number,
): void => {
  queryClient.setQueryData(conversationsQueryOptions().queryKey, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item._id === conversationId ? update(item) : item)),
            unreadTotal: unreadTotal ?? page.unreadTotal,
          })),
        }
      : data,
  );
};

/** Whether the cached list shows the conversation (a new one is known only to the server). */
export const isListed = (queryClient: QueryClient, conversationId: string): boolean =>
  queryClient
    .getQueryData(conversationsQueryOptions().queryKey)
    ?.pages.some((page) => page.items.some((item) => item._id === conversationId)) ?? false;

export const invalidateConversationList = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: LIST_KEY });
