import type { Money } from './pricing.js';

/**
 * How people read dates and amounts, the same in the app and in e-mails: dates and times are
 * exchanged in UTC and shown in the reader's time zone and language; amounts travel in minor
 * units and are shown in major units of their currency.
 */
export interface FormatContext {
  locale: string;
  timeZone: string;
}

type DateInput = Date | string | number;

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Building an Intl.DateTimeFormat is costly; screens and mails format many dates alike. Kept by
 * the zone asked for, so checking the zone (another formatter) happens once per zone, not per date.
 */
const dateFormatterFor = (context: FormatContext, options: Intl.DateTimeFormatOptions) => {
  const key = JSON.stringify([context.locale, context.timeZone, options]);
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    const timeZone = isValidTimeZone(context.timeZone) ? context.timeZone : 'UTC';
    formatter = new Intl.DateTimeFormat(context.locale, { ...options, timeZone });
    dateFormatters.set(key, formatter);
  }
  return formatter;
};

export const formatDateTime = (
  value: DateInput,
  context: FormatContext,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string => dateFormatterFor(context, options).format(new Date(value));

const minorDigits = new Map<string, number>();

/**
 * How many digits separate minor from major units is the currency's business (ISO 4217). Asked
 * of a new formatter once per currency: every amount shown asks it.
 */
export const minorUnitDigits = (currency: Money['currency']): number => {
  let digits = minorDigits.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    minorDigits.set(currency, digits);
  }
  return digits;
};

export const toMajorUnits = (amount: number, currency: Money['currency']): number =>
  amount / 10 ** minorUnitDigits(currency);

const moneyFormatters = new Map<string, Intl.NumberFormat>();

/** `{ amount: 9000, currency: 'EUR' }` -> "€90.00" (en) or "90,00 €" (de). */
export const formatMoney = ({ amount, currency }: Money, locale: string): string => {
  const key = `${locale}|${currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormatters.set(key, formatter);
  }
  return formatter.format(toMajorUnits(amount, currency));
};
