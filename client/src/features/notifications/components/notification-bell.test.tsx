import type { NotificationPage } from '@coachhub/shared/notification';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makePage, makeUser } from '@/testing/fixtures';
import { makeNotification, makeNotificationPage } from '@/testing/notification-fixtures';
import { renderApp } from '@/testing/render-app';

// The app's one socket, replaced by one the test fires events on: the layout mounts the real
// listeners (cache, toast) on it.
const fakeSocket = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Set<Listener>>();
  const fake = {
    connected: false,
    active: false,
    on: (event: string, listener: Listener) => {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      return fake;
    },
    off: (event: string, listener: Listener) => {
      listeners.get(event)?.delete(listener);
      return fake;
    },
    fire: (event: string, ...args: unknown[]) =>
      listeners.get(event)?.forEach((listener) => listener(...args)),
  };
  return fake;
});
vi.mock('@/lib/socket', () => ({ socket: fakeSocket }));

beforeEach(() => {
  // Monday 4 May 2026, 10:00 in Berlin (the user's zone).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const coach = makeUser({ _id: 'coach-1', role: 'coach', firstName: 'Carla' });

const requested = makeNotification();
const confirmed = makeNotification({
  _id: 'notification-2',
  type: 'booking.confirmed',
  key: 'notifications.booking.confirmed',
  params: {
    bookingId: 'booking-2',
    title: 'Intro call',
    start: '2026-05-05T13:00:00.000Z',
    name: 'Grace Hopper',
  },
  link: '/bookings',
  createdAt: '2026-05-03T08:00:00.000Z',
});
const approved = makeNotification({
  _id: 'notification-3',
  type: 'coach.approved',
  key: 'notifications.coach.approved',
  params: {},
  link: '/practice/profile',
  readAt: '2026-05-02T09:00:00.000Z',
  createdAt: '2026-04-20T08:00:00.000Z',
});

const withNotifications = (page: NotificationPage, extra: FakeRoutes = {}) =>
  installFakeApi({
    'GET /notifications': () => ({ status: 200, data: page }),
    ...extra,
  });

const openBell = async (user: ReturnType<typeof renderApp>['user'], name: string | RegExp) => {
  await user.click(await screen.findByRole('button', { name }));
  return screen.getByRole('dialog', { name: 'Notifications' });
};

describe('NotificationBell', () => {
  it('shows the unread count from the API and lists the texts with their times', async () => {
    const { requests } = withNotifications(
      makeNotificationPage([requested, confirmed, approved], { total: 14, unreadCount: 12 }),
    );
    const { user } = renderApp({ url: '/dashboard', user: coach, notifications: null });

    const bell = await screen.findByRole('button', { name: 'Notifications, 12 unread' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(within(bell).getByTestId('unread-badge')).toHaveTextContent('12');
    expect(requests[0]).toMatchObject({
      method: 'GET',
      url: '/notifications',
      params: { page: 1, limit: 10 },
    });

    const panel = await openBell(user, 'Notifications, 12 unread');
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toHaveFocus();
    const items = within(panel).getAllByTestId('notification-item');
    expect(items.map((item) => item.textContent)).toEqual([
      'Unread: Ada Lovelace asked for “Career deep dive” on May 6, 2026, 10:00 AM.5 minutes ago',
      'Unread: Grace Hopper confirmed “Intro call” on May 5, 2026, 3:00 PM.yesterday',
      'Your coach profile is approved: clients can now find and book you.Apr 20, 2026, 10:00 AM',
    ]);
    expect(items.map((item) => item.dataset.unread)).toEqual(['true', 'true', 'false']);
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/practice');

    // Escape closes the panel and gives the focus back to the bell.
    await user.keyboard('{Escape}');
    expect(panel).not.toBeVisible();
    expect(bell).toHaveFocus();
    expect(bell).toHaveAttribute('aria-expanded', 'false');

    // So does a click elsewhere on the page.
    await user.click(bell);
    expect(panel).toBeVisible();
    await user.click(screen.getByTestId('dashboard-greeting'));
    expect(panel).not.toBeVisible();
  });

  it('marks a notification read when it is chosen and goes where it leads', async () => {
    const { requests } = withNotifications(makeNotificationPage([requested, confirmed]), {
      'POST /notifications/notification-2/read': () => ({ status: 200, data: { unreadCount: 1 } }),
      'GET /bookings': () => ({ status: 200, data: makePage([]) }),
    });
    const { user, router } = renderApp({ url: '/dashboard', user: coach, notifications: null });

    const panel = await openBell(user, 'Notifications, 2 unread');
    await user.click(within(panel).getByRole('link', { name: /Grace Hopper confirmed/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/bookings'));
    // The page arriving moves focus to it (which would close a panel opened before): wait for it,
    // as someone does who looks at the page before opening the bell again.
    expect(await screen.findByRole('heading', { name: 'My bookings' })).toBeInTheDocument();
    expect(panel).not.toBeVisible();
    expect(
      await screen.findByRole('button', { name: 'Notifications, 1 unread' }),
    ).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toMatchObject([
      { url: '/notifications/notification-2/read' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Notifications, 1 unread' }));
    expect(
      (await screen.findAllByTestId('notification-item')).map((item) => [
        item.dataset.notificationId,
        item.dataset.unread,
      ]),
    ).toEqual([
      ['notification-1', 'true'],
      ['notification-2', 'false'],
    ]);
  });

  it('marks all as read: the badge goes and no item is unread any more', async () => {
    const { requests } = withNotifications(makeNotificationPage([requested, confirmed]), {
      'POST /notifications/read-all': () => ({ status: 200, data: { unreadCount: 0 } }),
    });
    const { user } = renderApp({ url: '/dashboard', user: coach, notifications: null });

    const panel = await openBell(user, 'Notifications, 2 unread');
    await user.click(within(panel).getByRole('button', { name: 'Mark all as read' }));

    const bell = await screen.findByRole('button', { name: 'Notifications' });
    expect(within(bell).queryByTestId('unread-badge')).not.toBeInTheDocument();
    expect(
      within(panel)
        .getAllByTestId('notification-item')
        .map((item) => item.dataset.unread),
    ).toEqual(['false', 'false']);
    expect(within(panel).getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
    expect(panel).toHaveFocus();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('takes a notification:new event into the badge and the list, and shows it as a toast', async () => {
    const { requests } = withNotifications(makeNotificationPage([confirmed]));
    const { user } = renderApp({ url: '/dashboard', user: coach, notifications: null });
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });

    act(() => fakeSocket.fire('notification:new', { notification: requested, unreadCount: 2 }));

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(await screen.findByTestId('notification')).toHaveTextContent(
      'Ada Lovelace asked for “Career deep dive” on May 6, 2026, 10:00 AM.',
    );
    await user.click(bell);
    expect(
      screen.getAllByTestId('notification-item').map((item) => item.dataset.notificationId),
    ).toEqual(['notification-1', 'notification-2']);
    // Written into the cache: the list was not fetched again.
    expect(requests.filter((request) => request.url === '/notifications')).toHaveLength(1);
  });

  it('is not shown to visitors', async () => {
    installFakeApi({});
    renderApp({ url: '/' });
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
  });
});
