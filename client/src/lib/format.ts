/**
 * Dates and times are stored and exchanged in UTC and shown in the viewer's time zone and
 * language. Every visible date goes through these helpers.
 */
export interface FormatContext {
  locale: string;
  timeZone: string;
}

type DateInput = Date | string | number;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat is costly; screens format many dates with the same options. */
const formatterFor = (context: FormatContext, options: Intl.DateTimeFormatOptions) => {
  const timeZone = isValidTimeZone(context.timeZone) ? context.timeZone : 'UTC';
  const key = JSON.stringify([context.locale, timeZone, options]);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(context.locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
};

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const formatDateTime = (
  value: DateInput,
  context: FormatContext,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string => formatterFor(context, options).format(new Date(value));

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
