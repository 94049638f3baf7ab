import type { NotificationDTO, NotificationPage } from '@coachhub/shared/notification';

/** A coach hearing of a client's request: "Ada Lovelace asked for …". */
export const makeNotification = (overrides: Partial<NotificationDTO> = {}): NotificationDTO => ({
  _id: 'notification-1',
  type: 'booking.requested',
  key: 'notifications.booking.requested',
  params: {
    bookingId: 'booking-1',
    title: 'Career deep dive',
    start: '2026-05-06T08:00:00.000Z',
    name: 'Ada Lovelace',
  },
  link: '/practice',
  readAt: null,
  createdAt: '2026-05-04T07:55:00.000Z',
  ...overrides,
});

export const makeNotificationPage = (
  items: NotificationDTO[],
  overrides: Partial<NotificationPage> = {},
): NotificationPage => ({
  items,
  page: 1,
  limit: 10,
  total: items.length,
  unreadCount: items.filter((item) => item.readAt === null).length,
  ...overrides,
});
