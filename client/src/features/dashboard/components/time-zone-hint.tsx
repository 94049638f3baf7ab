import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { paths } from '@/config/paths';
import { deviceTimeZone } from '@/lib/format';

/** New accounts start in UTC; this nudges users whose device says otherwise. */
export const TimeZoneHint = ({ timeZone }: { timeZone: string }) => {
  const { t } = useTranslation();
  const deviceZone = deviceTimeZone();
  if (deviceZone === timeZone) return null;

  return (
    <p className="time-zone-hint" data-testid="time-zone-hint">
      {t('dashboard.deviceZoneHint', { timeZone: deviceZone })}{' '}
      <Link to={paths.app.account.getHref()}>{t('dashboard.updateTimeZone')}</Link>
    </p>
  );
};
