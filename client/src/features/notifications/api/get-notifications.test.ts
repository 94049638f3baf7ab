import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { makeNotification, makeNotificationPage } from '@/testing/notification-fixtures';

import { markReadInLists, notificationsQueryOptions } from './get-notifications';

const readAt = '2026-05-04T08:00:00.000Z';
const first = makeNotification({ _id: 'n-1' });
const second = makeNotification({ _id: 'n-2' });

describe('markReadInLists', () => {
  const setup = () => {
    const queryClient = new QueryClient();
    const all = notificationsQueryOptions().queryKey;
    const unread = notificationsQueryOptions({ unread: true, page: 1, limit: 10 }).queryKey;
    queryClient.setQueryData(all, makeNotificationPage([first, second]));
    queryClient.setQueryData(unread, makeNotificationPage([first, second]));
    return { queryClient, all, unread };
  };

  it('marks one notification read everywhere; an unread-only list lets it go', () => {
    const { queryClient, all, unread } = setup();

    markReadInLists(queryClient, ['n-1'], 1, readAt);

    expect(queryClient.getQueryData(all)).toMatchObject({
      items: [
        { _id: 'n-1', readAt },
        { _id: 'n-2', readAt: null },
      ],
      unreadCount: 1,
    });
    expect(queryClient.getQueryData(unread)).toMatchObject({
      items: [{ _id: 'n-2' }],
      total: 1,
      unreadCount: 1,
    });
  });

  it('marks them all read', () => {
    const { queryClient, all, unread } = setup();

    markReadInLists(queryClient, null, 0, readAt);

    expect(queryClient.getQueryData(all)?.items.map((item) => item.readAt)).toEqual([
      readAt,
      readAt,
    ]);
    expect(queryClient.getQueryData(unread)).toMatchObject({ items: [], total: 0, unreadCount: 0 });
  });
});
