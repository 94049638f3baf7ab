import type { NotificationDTO, NotificationPage } from '@coachhub/shared/notification';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { accessToken } from '@/lib/access-token';

export interface NotificationListFilters {
  /** Only the unread ones. */
  unread?: boolean;
  page: number;
  limit: number;
}

/** What the header's bell shows: the newest notifications, read or not. */
export const LATEST_NOTIFICATIONS: NotificationListFilters = { page: 1, limit: 10 };

export const getNotifications = async (
  filters: NotificationListFilters,
): Promise<NotificationPage> => {
  const { data } = await apiClient.get<NotificationPage>('/notifications', {
    params: {
      ...(filters.unread ? { unread: true } : {}),
      page: filters.page,
      limit: filters.limit,
    },
  });
  return data;
};

const LIST_KEY = ['notifications', 'list'] as const;

export const notificationsQueryOptions = (
  filters: NotificationListFilters = LATEST_NOTIFICATIONS,
) =>
  queryOptions({
    queryKey: [...LIST_KEY, filters],
    queryFn: () => getNotifications(filters),
  });

/**
 * Asked for only while signed in, checked when a fetch would start: a logout clears the token
 * and the cache before the header has dropped the bell, which must not fetch again in between.
 */
const whileSignedIn = () => accessToken.get() !== null;

export const useNotifications = (filters: NotificationListFilters = LATEST_NOTIFICATIONS) =>
  useQuery({ ...notificationsQueryOptions(filters), enabled: whileSignedIn });

/** The unread count of all the user's notifications (every page carries it); 0 until known. */
export const useUnreadNotificationCount = (): number =>
  useQuery({
    ...notificationsQueryOptions(),
    select: (page) => page.unreadCount,
    enabled: whileSignedIn,
  }).data ?? 0;

const filtersOf = (queryKey: readonly unknown[]): NotificationListFilters | null => {
  const filters = queryKey[LIST_KEY.length];
  return typeof filters === 'object' && filters !== null
    ? (filters as NotificationListFilters)
    : null;
};

type PageUpdate = (page: NotificationPage, filters: NotificationListFilters) => NotificationPage;

const updateLists = (queryClient: QueryClient, update: PageUpdate): void => {
  for (const [queryKey, page] of queryClient.getQueriesData<NotificationPage>({
    queryKey: LIST_KEY,
  })) {
    const filters = filtersOf(queryKey);
    if (page && filters) queryClient.setQueryData(queryKey, update(page, filters));
  }
};

/**
 * A new notification (from the socket) goes on top of every cached first page, and every page
 * takes the new unread count. Later pages shift by one, which only the server can tell: they
 * are fetched again.
 */
export const prependNotification = (
  queryClient: QueryClient,
  notification: NotificationDTO,
  unreadCount: number,
): void => {
  updateLists(queryClient, (page, filters) => {
    const known = page.items.some((item) => item._id === notification._id);
    if (filters.page !== 1 || known) return { ...page, unreadCount };
    return {
      ...page,
      items: [notification, ...page.items].slice(0, filters.limit),
      total: page.total + 1,
      unreadCount,
    };
  });
  void queryClient.invalidateQueries({
    queryKey: LIST_KEY,
    predicate: (query) => (filtersOf(query.queryKey)?.page ?? 1) > 1,
  });
};

/** Marks the given notifications (all when `ids` is null) read in every cached page. */
export const markReadInLists = (
  queryClient: QueryClient,
  ids: readonly string[] | null,
  unreadCount: number,
  readAt: string = new Date().toISOString(),
): void => {
  const affects = (item: NotificationDTO) =>
    item.readAt === null && (!ids || ids.includes(item._id));
  updateLists(queryClient, (page, filters) => {
    if (filters.unread) {
      const left = page.items.filter((item) => !affects(item));
      return {
        ...page,
        items: left,
        total: page.total - (page.items.length - left.length),
        unreadCount,
      };
    }
    return {
      ...page,
      items: page.items.map((item) => (affects(item) ? { ...item, readAt } : item)),
      unreadCount,
    };
  });
};

/** Every cached page, e.g. after a reconnect that may have missed events. */
export const invalidateNotifications = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: LIST_KEY });
