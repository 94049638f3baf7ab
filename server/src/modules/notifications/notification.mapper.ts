import type { NotificationDTO } from '@coachhub/shared/notification';
import type { NotificationRecord } from './notification.model.js';

export function toNotificationDTO(record: NotificationRecord): NotificationDTO {
  return {
    _id: record._id.toString(),
    type: record.type,
    key: `notifications.${record.type}`,
    params: { ...record.params },
    link: record.link ?? null,
    readAt: record.readAt ? record.readAt.toISOString() : null,
    createdAt: record.createdAt.toISOString(),
  };
}
