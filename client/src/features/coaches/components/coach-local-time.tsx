import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format';
import { useCurrentMinute } from '@/lib/use-current-minute';

/** The time where the coach is, e.g. "Tue 14:05", so a client knows before writing at 3 a.m. */
export const CoachLocalTime = ({ timeZone }: { timeZone: string }) => {
  // Only the reader's language: their own time zone is costly to read and not needed here.
  const { i18n } = useTranslation();
  const now = useCurrentMinute();
  return (
    <time dateTime={now.toISOString()} data-testid="coach-local-time">
      {formatDateTime(
        now,
        { locale: i18n.language, timeZone },
        { weekday: 'short', hour: '2-digit', minute: '2-digit' },
      )}
    </time>
  );
};
