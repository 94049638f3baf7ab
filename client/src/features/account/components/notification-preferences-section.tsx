import type { UserDTO } from '@coachhub/shared/user';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useNotificationPreferences } from '../api/get-notification-preferences';
import { NotificationPreferencesForm } from './notification-preferences-form';
import './notification-preferences.css';

/** Which notifications also go out by e-mail; in-app notifications cannot be switched off. */
export const NotificationPreferencesSection = ({ user }: { user: UserDTO }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const preferences = useNotificationPreferences();

  return (
    <section
      className="panel"
      aria-labelledby="email-notifications-heading"
      data-testid="notification-preferences"
    >
      <h2 id="email-notifications-heading">{t('account.emailNotifications.heading')}</h2>
      <p className="panel__intro">
        {t('account.emailNotifications.intro', { email: user.email })}{' '}
        {t('account.emailNotifications.inAppAlwaysOn')}
      </p>
      {preferences.isPending && <p role="status">{t('app.loading')}</p>}
      {preferences.isError && (
        <div className="preference-load-error" role="alert">
          <p>
            {t('account.emailNotifications.loadFailed')} {errorMessage(preferences.error)}
          </p>
          <Button variant="secondary" onClick={() => void preferences.refetch()}>
            {t('account.emailNotifications.retry')}
          </Button>
        </div>
      )}
      {preferences.data && (
        <NotificationPreferencesForm preferences={preferences.data} role={user.role} />
      )}
    </section>
  );
};
