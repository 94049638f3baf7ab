import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

import { dismissNotification, notificationsStore } from './notifications-store';
import './notifications.css';

const NO_NOTIFICATIONS: never[] = [];
const noNotifications = () => NO_NOTIFICATIONS;

/** A polite live region: screen readers announce messages without moving focus. */
export const Notifications = () => {
  const { t } = useTranslation();
  const notifications = useSyncExternalStore(
    notificationsStore.subscribe,
    notificationsStore.getSnapshot,
    // The server render starts with none, as does every page load.
    noNotifications,
  );

  return (
    <section className="notifications" aria-label={t('notifications.label')} aria-live="polite">
      {notifications.map(({ id, tone, messageKey, params }) => (
        <div key={id} className={`notification notification--${tone}`} data-testid="notification">
          <p className="notification__message">{t(messageKey, { replace: params })}</p>
          <button
            type="button"
            className="notification__dismiss"
            aria-label={t('notifications.dismiss')}
            onClick={() => dismissNotification(id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
};
