import { formatDate, formatTime } from '@/lib/format';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

/** The time now in the user's own time zone and language, updated every minute. */
export const LocalTime = () => {
  const context = useFormatContext();
  const now = useCurrentMinute();

  return (
    <time dateTime={now.toISOString()} data-testid="dashboard-local-time">
      <span className="local-time__clock">{formatTime(now, context)}</span>{' '}
      <span className="local-time__date">{formatDate(now, context)}</span>
    </time>
  );
};
