/**
 * Dates and times are stored and exchanged in UTC and shown in the viewer's time zone and
 * language. Every visible date goes through these helpers.
 */
import { formatDateTime, isValidTimeZone, type FormatContext } from '@coachhub/shared/format';

// One source with the server's e-mails (shared/src/format.ts): the same instant reads the same.
export { formatDateTime, isValidTimeZone, type FormatContext };

type DateInput = Date | string | number;

export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const formatDate = (value: DateInput, context: FormatContext): string =>
  formatDateTime(value, context, { dateStyle: 'full' });

export const formatTime = (value: DateInput, context: FormatContext): string =>
  formatDateTime(value, context, { timeStyle: 'short' });

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * How long ago `value` was, as of `now` ("now", "5 minutes ago", "yesterday"); from a week on,
 * the date and time in the context's zone instead. `now` is passed in, so callers decide when
 * it is read.
 */
export const formatTimeAgo = (value: DateInput, now: DateInput, context: FormatContext): string => {
  let amount = Math.max(0, (new Date(now).getTime() - new Date(value).getTime()) / 1000);
  let formatter = relativeFormatters.get(context.locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(context.locale, { numeric: 'auto' });
    relativeFormatters.set(context.locale, formatter);
  }
  for (const [unit, perNext] of RELATIVE_STEPS) {
    // Under a minute reads as "now".
    if (unit === 'second' && amount < perNext) return formatter.format(0, 'second');
    if (amount < perNext) return formatter.format(-Math.floor(amount), unit);
    amount /= perNext;
  }
  return formatDateTime(value, context);
};
