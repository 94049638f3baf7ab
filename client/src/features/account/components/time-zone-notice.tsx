import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { useCurrentUser } from '@/lib/auth/session';
import { deviceTimeZone, isValidTimeZone } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useUpdateMe } from '../api/update-me';
import { dismissTimeZone, isTimeZoneDismissed } from './time-zone-dismissals';
import './time-zone-notice.css';

/**
 * When the account's time zone is not the one this device is set to, offers to switch (a PATCH of
 * the profile) or to keep it; "keep" is remembered for that device zone in this browser.
 */
export const TimeZoneNotice = () => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const textId = useId();
  const user = useCurrentUser();
  const update = useUpdateMe();
  const deviceZone = deviceTimeZone();
  const [dismissed, setDismissed] = useState(() => isTimeZoneDismissed(deviceZone));

  if (!user || dismissed || !deviceZone || !isValidTimeZone(deviceZone)) return null;
  if (user.timeZone === deviceZone) return null;

  const keep = () => {
    dismissTimeZone(deviceZone);
    setDismissed(true);
  };
  const switchZone = () =>
    update.mutate(
      { timeZone: deviceZone },
      {
        onSuccess: () =>
          notify('success', 'account.timeZoneNotice.switched', { timeZone: deviceZone }),
      },
    );

  return (
    <section
      className="time-zone-notice"
      aria-label={t('account.timeZoneNotice.label')}
      aria-describedby={textId}
      data-testid="time-zone-notice"
    >
      <p id={textId} className="time-zone-notice__text">
        {t('account.timeZoneNotice.text', { deviceZone, accountZone: user.timeZone })}
      </p>
      {update.isError && (
        <p role="alert" className="time-zone-notice__error">
          {errorMessage(update.error)}
        </p>
      )}
      <div className="time-zone-notice__actions">
        <Button onClick={switchZone} isBusy={update.isPending} busyLabel={t('account.saving')}>
          {t('account.timeZoneNotice.switch', { timeZone: deviceZone })}
        </Button>
        <Button variant="ghost" onClick={keep} disabled={update.isPending}>
          {t('account.timeZoneNotice.keep', { timeZone: user.timeZone })}
        </Button>
      </div>
    </section>
  );
};
