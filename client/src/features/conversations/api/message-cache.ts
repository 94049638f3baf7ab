import type { MessageDTO } from '@coachhub/shared/conversation';
import type { QueryClient } from '@tanstack/react-query';

import { messagesQueryOptions } from './get-messages';
import type { ChatHistory, ChatMessage, LocalDelivery, MessagePages } from './get-messages';

const byTime = (a: ChatMessage, b: ChatMessage) =>
  a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id);

/** Stored messages in time order, then the ones still being sent in the order they were written. */
const ordered = (items: ChatMessage[]): ChatMessage[] => [
  ...items.filter((message) => !message.local).sort(byTime),
  ...items.filter((message) => message.local),
];

const mapPages = (
  data: MessagePages,
  update: (page: ChatHistory) => ChatHistory,
): MessagePages => ({
  ...data,
  pages: data.pages.map(update),
});

const contains = (data: MessagePages, id: string) =>
  data.pages.some((page) => page.items.some((message) => message._id === id));

/**
 * Puts stored messages into the history once each: one already shown is replaced where it is,
 * the optimistic copy with the same `clientId` gives way to it, anything else joins the newest
 * page. The same message from the ack, `message:new` and a resync is therefore shown once.
 */
export const mergeMessages = (
  data: MessagePages,
  incoming: readonly MessageDTO[],
): MessagePages => {
  let next = data;
  const fresh: MessageDTO[] = [];
  for (const message of incoming) {
    if (contains(next, message._id)) {
      next = mapPages(next, (page) => ({
        ...page,
        items: page.items.map((item) => (item._id === message._id ? message : item)),
      }));
    } else if (!fresh.some((item) => item._id === message._id)) {
      fresh.push(message);
    }
  }
  if (fresh.length === 0) return next;
  const clientIds = new Set(
    fresh.flatMap((message) => (message.clientId ? [message.clientId] : [])),
  );
  const [newest, ...older] = next.pages;
  const kept = (newest?.items ?? []).filter(
    (item) => !(item.local && item.clientId && clientIds.has(item.clientId)),
  );
  return {
    ...next,
    pages: [{ hasMore: newest?.hasMore ?? false, items: ordered([...kept, ...fresh]) }, ...older],
  };
};

/** The optimistic copy `clientId` (if still there) is replaced by the stored message. */
export const settleLocal = (data: MessagePages, clientId: string, stored: MessageDTO) =>
  mergeMessages(
    mapPages(data, (page) => ({
      ...page,
      items: page.items.filter((item) => !(item.local && item.clientId === clientId)),
    })),
    [stored],
  );

/** Adds an optimistic message, or puts an existing one (a retry) back to `sending`. */
export const putLocal = (data: MessagePages, message: ChatMessage): MessagePages => {
  const exists = data.pages.some((page) =>
    page.items.some((item) => item.local && item.clientId === message.clientId),
  );
  if (exists) return setDelivery(data, message.clientId ?? '', message.local ?? null);
  const [newest, ...older] = data.pages;
  return {
    ...data,
    pages: [
      { hasMore: newest?.hasMore ?? false, items: [...(newest?.items ?? []), message] },
      ...older,
    ],
  };
};

export const setDelivery = (
  data: MessagePages,
  clientId: string,
  local: LocalDelivery | null,
): MessagePages =>
  mapPages(data, (page) => ({
    ...page,
    items: page.items.flatMap((item) => {
      if (!(item.local && item.clientId === clientId)) return [item];
      return local ? [{ ...item, local }] : [];
    }),
  }));

/** Changes one stored message wherever it is shown (an edit, a tombstone, a proposal's status). */
export const replaceMessage = (data: MessagePages, message: MessageDTO): MessagePages =>
  contains(data, message._id)
    ? mapPages(data, (page) => ({
        ...page,
        items: page.items.map((item) => (item._id === message._id ? message : item)),
      }))
    : data;

export const removeMessage = (data: MessagePages, messageId: string): MessagePages =>
  mapPages(data, (page) => ({
    ...page,
    items: page.items.filter((item) => item._id !== messageId),
  }));

/** The newest message the server stored, the cursor of a resync (`?after=`). */
export const newestStoredId = (data: MessagePages): string | null => {
  for (const page of data.pages) {
    const stored = page.items.filter((item) => !item.local);
    const last = stored[stored.length - 1];
    if (last) return last._id;
  }
  return null;
};

type Update = (data: MessagePages) => MessagePages;

/** Applies `update` to the conversation's cached history, if it has one. */
export const updateMessages = (
  queryClient: QueryClient,
  conversationId: string,
  update: Update,
): void => {
  // The query key's tag leaves the page parameter `unknown`; it is the cursor (a message id).
  queryClient.setQueryData(messagesQueryOptions(conversationId).queryKey, (data) =>
    data ? update(data as MessagePages) : data,
  );
};
