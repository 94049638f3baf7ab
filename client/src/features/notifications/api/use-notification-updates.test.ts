import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

import { createFakeSocket } from '@/testing/fake-socket';
import { makeNotification, makeNotificationPage } from '@/testing/notification-fixtures';

import { LATEST_NOTIFICATIONS, notificationsQueryOptions } from './get-notifications';
import { followNotificationUpdates } from './use-notification-updates';

const older = makeNotification({ _id: 'old-1', readAt: '2026-05-01T10:00:00.000Z' });
const fresh = makeNotification({ _id: 'new-1', type: 'booking.booked' });

describe('followNotificationUpdates', () => {
  const setup = () => {
    const queryClient = new QueryClient();
    const { fake, socket } = createFakeSocket();
    const onNew = vi.fn();
    const stop = followNotificationUpdates(socket, queryClient, onNew);
    return { queryClient, fake, onNew, stop };
  };

  it('puts a new notification on top of the cached list with the unread count it carries', () => {
    const { queryClient, fake, onNew, stop } = setup();
    const latest = notificationsQueryOptions().queryKey;
    queryClient.setQueryData(latest, makeNotificationPage([older], { unreadCount: 4, total: 9 }));

    fake.fire('notification:new', { notification: fresh, unreadCount: 5 });

    expect(queryClient.getQueryData(latest)).toMatchObject({
      items: [fresh, older],
      total: 10,
      unreadCount: 5,
    });
    // Written into the cache, not fetched again.
    expect(queryClient.getQueryState(latest)?.isInvalidated).toBe(false);
    expect(onNew).toHaveBeenCalledWith(fresh);

    // The same notification twice (e.g. also in a fetch) is listed once.
    fake.fire('notification:new', { notification: fresh, unreadCount: 5 });
    expect(queryClient.getQueryData(latest)?.items).toEqual([fresh, older]);

    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('keeps a first page at its size and has later pages fetched again, since they shift', () => {
    const { queryClient, fake } = setup();
    const small = notificationsQueryOptions({ page: 1, limit: 1 }).queryKey;
    const second = notificationsQueryOptions({ ...LATEST_NOTIFICATIONS, page: 2 }).queryKey;
    queryClient.setQueryData(small, makeNotificationPage([older], { limit: 1 }));
    queryClient.setQueryData(second, makeNotificationPage([older], { page: 2 }));

    fake.fire('notification:new', { notification: fresh, unreadCount: 1 });

    expect(queryClient.getQueryData(small)?.items).toEqual([fresh]);
    expect(queryClient.getQueryData(second)?.unreadCount).toBe(1);
    expect(queryClient.getQueryState(second)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(small)?.isInvalidated).toBe(false);
  });

  it('has the lists fetched again after a reconnect, since events may have been missed', () => {
    const { queryClient, fake } = setup();
    const latest = notificationsQueryOptions().queryKey;
    queryClient.setQueryData(latest, makeNotificationPage([older]));

    fake.fire('connect');

    expect(queryClient.getQueryState(latest)?.isInvalidated).toBe(true);
  });
});
