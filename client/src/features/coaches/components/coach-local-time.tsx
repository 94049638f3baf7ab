import { formatDateTime } from '@/lib/format';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

/** The time where the coach is, e.g. "Tue 14:05", so a client knows before writing at 3 a.m. */
export const CoachLocalTime = ({ timeZone }: { timeZone: string }) => {
  const { locale } = useFormatContext();
  const now = useCurrentMinute();
  return (
    <time dateTime={now.toISOString()} data-testid="coach-local-time">
      {formatDateTime(
        now,
        { locale, timeZone },
        { weekday: 'short', hour: '2-digit', minute: '2-digit' },
      )}
    </time>
  );
};
