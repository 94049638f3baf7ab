import type {
  NotificationPage,
  NotificationParams,
  NotificationReadResponse,
  NotificationType,
} from '@coachhub/shared/notification';
import { notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/socket/realtime.js';
import { toNotificationDTO } from './notification.mapper.js';
import { Notification, type NotificationRecord } from './notification.model.js';

export interface NewNotification {
  userId: string;
  type: NotificationType;
  params: NotificationParams;
  link: string | null;
}

export interface NotificationListInput {
  unreadOnly: boolean;
  page: number;
  limit: number;
}

/**
 * Persisted first, then pushed live to the recipient's open sockets with the new unread count,
 * and announced as `notification.created` (the e-mail module follows it).
 */
export function createNotificationsService(deps: {
  realtime: Pick<Realtime, 'emitToUser'>;
  events: EventBus;
}) {
  const unreadCountOf = (userId: string) =>
    Notification.countDocuments({ user: userId, readAt: null });

  return {
    async notify(input: NewNotification): Promise<void> {
      const created = await Notification.create({
        user: input.userId,
        type: input.type,
        params: input.params,
        link: input.link,
      });
      const record = created.toObject<NotificationRecord>();
      deps.realtime.emitToUser(input.userId, 'notification:new', {
        notification: toNotificationDTO(record),
        unreadCount: await unreadCountOf(input.userId),
      });
      deps.events.publish('notification.created', {
        notificationId: record._id.toString(),
        userId: input.userId,
        type: input.type,
        params: input.params,
        link: input.link,
      });
    },

    /** The caller's notifications, newest first; `unreadOnly` leaves out the read ones. */
    async list(userId: string, input: NotificationListInput): Promise<NotificationPage> {
      const filter = { user: userId, ...(input.unreadOnly ? { readAt: null } : {}) };
      const [records, total, unreadCount] = await Promise.all([
        Notification.find(filter)
          .sort({ createdAt: -1, _id: -1 })
          .skip((input.page - 1) * input.limit)
          .limit(input.limit)
          .lean<NotificationRecord[]>(),
        Notification.countDocuments(filter),
        unreadCountOf(userId),
      ]);
      return {
        items: records.map(toNotificationDTO),
        page: input.page,
        limit: input.limit,
        total,
        unreadCount,
      };
    },

    /** Someone else's notification is 404, like one that does not exist. Reading twice is fine. */
    async markRead(userId: string, notificationId: string): Promise<NotificationReadResponse> {
      const mine = { _id: notificationId, user: userId };
      if (!(await Notification.exists(mine))) throw notFound('Notification');
      // The first read counts; reading again keeps that time.
      await Notification.updateOne({ ...mine, readAt: null }, { $set: { readAt: new Date() } });
      return { unreadCount: await unreadCountOf(userId) };
    },

    async markAllRead(userId: string): Promise<NotificationReadResponse> {
      await Notification.updateMany(
        { user: userId, readAt: null },
        { $set: { readAt: new Date() } },
      );
      return { unreadCount: 0 };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
