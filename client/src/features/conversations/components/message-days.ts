import { formatDateTime } from '@/lib/format';
import type { FormatContext } from '@/lib/format';

const DAY_MS = 86_400_000;

/** The calendar day of an instant in the viewer's zone, `YYYY-MM-DD`. */
export const dayKeyOf = (instant: string | Date, timeZone: string): string =>
  formatDateTime(
    instant,
    { locale: 'en-CA', timeZone },
    { year: 'numeric', month: '2-digit', day: '2-digit' },
  );

export type DayName = 'today' | 'yesterday' | null;

/** Today and yesterday are named; other days are written out in full. */
export const dayNameOf = (dayKey: string, now: Date, timeZone: string): DayName => {
  if (dayKey === dayKeyOf(now, timeZone)) return 'today';
  if (dayKey === dayKeyOf(new Date(now.getTime() - DAY_MS), timeZone)) return 'yesterday';
  return null;
};

export const fullDay = (instant: string, context: FormatContext): string =>
  formatDateTime(instant, context, { dateStyle: 'full' });
