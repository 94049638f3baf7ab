import { formatDateTime } from '@/lib/format';

/**
 * `2026-03` as the reader says it ("Mar 26", "März 26"). A `YYYY-MM` key is a calendar month of
 * the coach's zone already, so it is read at noon UTC of its first day and shown in UTC.
 */
export const monthLabel = (month: string, locale: string, style: 'short' | 'long' = 'short') =>
  formatDateTime(
    `${month}-01T12:00:00Z`,
    { locale, timeZone: 'UTC' },
    {
      month: style,
      year: style === 'short' ? '2-digit' : 'numeric',
    },
  );
