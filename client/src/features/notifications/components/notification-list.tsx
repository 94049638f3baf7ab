import type { NotificationDTO } from '@coachhub/shared/notification';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

import { useNotifications } from '../api/get-notifications';
import { NotificationItem } from './notification-item';

/** The newest notifications, newest first, with loading, failure and empty states. */
export const NotificationList = ({ onOpen }: { onOpen: (item: NotificationDTO) => void }) => {
  const { t } = useTranslation();
  const context = useFormatContext();
  const now = useCurrentMinute();
  const notifications = useNotifications();

  if (notifications.isPending) {
    return <p className="notification-panel__state">{t('app.loading')}</p>;
  }
  if (notifications.isError) {
    return (
      <div className="notification-panel__state" role="alert">
        <p>{t('notifications.center.loadFailed')}</p>
        <Button variant="secondary" onClick={() => void notifications.refetch()}>
          {t('notifications.center.retry')}
        </Button>
      </div>
    );
  }
  if (notifications.data.items.length === 0) {
    return <p className="notification-panel__state">{t('notifications.center.empty')}</p>;
  }
  return (
    <ul className="notification-panel__list">
      {notifications.data.items.map((notification) => (
        <NotificationItem
          key={notification._id}
          notification={notification}
          context={context}
          now={now}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
};
