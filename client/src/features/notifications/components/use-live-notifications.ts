import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notifications/notifications-store';
import { useFormatContextReader } from '@/lib/use-format-context';

import { useNotificationUpdates } from '../api/use-notification-updates';
import { notificationMessage } from './notification-message';

/**
 * Keeps the notifications in the cache up to date from the socket and shows each new one as a
 * toast, so a user on any page hears of it. Mount once, in the layout.
 */
export const useLiveNotifications = (): void => {
  const { t } = useTranslation();
  // Read when a notification arrives: the layout renders on every page, most of which show no date.
  const readFormatContext = useFormatContextReader();
  useNotificationUpdates((notification) => {
    const { key, params } = notificationMessage(
      notification,
      readFormatContext(),
      t('notifications.someone'),
    );
    notify('info', key, params);
  });
};
