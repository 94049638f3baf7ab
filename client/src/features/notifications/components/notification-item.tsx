import type { NotificationDTO } from '@coachhub/shared/notification';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { formatDateTime, formatTimeAgo } from '@/lib/format';
import type { FormatContext } from '@/lib/format';

import { notificationMessage } from './notification-message';

interface NotificationItemProps {
  notification: NotificationDTO;
  context: FormatContext;
  now: Date;
  /** Chosen: mark it read (and, for a link, the panel closes as the app navigates). */
  onOpen: (notification: NotificationDTO) => void;
}

/** Only a path inside the app is followed; anything else is shown without a link. */
export const inAppPath = (link: string | null): string | null =>
  link && link.startsWith('/') && !link.startsWith('//') ? link : null;

export const NotificationItem = ({ notification, context, now, onOpen }: NotificationItemProps) => {
  const { t } = useTranslation();
  const message = notificationMessage(notification, context, t('notifications.someone'));
  const unread = notification.readAt === null;
  const link = inAppPath(notification.link);

  const content: ReactNode = (
    <>
      <span className="notification-item__dot" aria-hidden="true" />
      <span className="notification-item__body">
        {unread && (
          <span className="visually-hidden">{`${t('notifications.center.unread')}: `}</span>
        )}
        <span className="notification-item__text">
          {t(message.key, { replace: message.params })}
        </span>
        {message.details.map((detail) => (
          <span key={detail.key} className="notification-item__detail">
            {t(detail.key, { replace: detail.params })}
          </span>
        ))}
        <time
          className="notification-item__time"
          dateTime={notification.createdAt}
          title={formatDateTime(notification.createdAt, context)}
        >
          {formatTimeAgo(notification.createdAt, now, context)}
        </time>
      </span>
    </>
  );

  return (
    <li
      className="notification-item"
      data-testid="notification-item"
      data-unread={unread}
      data-notification-id={notification._id}
    >
      {link ? (
        <Link className="notification-item__action" to={link} onClick={() => onOpen(notification)}>
          {content}
        </Link>
      ) : (
        <button
          type="button"
          className="notification-item__action"
          onClick={() => onOpen(notification)}
        >
          {content}
        </button>
      )}
    </li>
  );
};
