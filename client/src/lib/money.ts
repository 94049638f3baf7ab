import type { Currency, Money } from '@coachhub/shared/pricing';

/**
 * Amounts travel as integers in the currency's minor units (cents); people read and type major
 * units. How many digits separate the two is the currency's business (ISO 4217), so it is read
 * from Intl rather than assumed to be 2.
 */
export const minorUnitDigits = (currency: Currency): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

export const toMajorUnits = (amount: number, currency: Currency): number =>
  amount / 10 ** minorUnitDigits(currency);

/** Rounded to a whole number of minor units, so a typed 12.345 EUR never becomes a fraction of a cent. */
export const toMinorUnits = (major: number, currency: Currency): number =>
  Math.round(major * 10 ** minorUnitDigits(currency));

const formatters = new Map<string, Intl.NumberFormat>();

/** `{ amount: 9000, currency: 'EUR' }` -> "€90.00" (en) or "90,00 €" (de). */
export const formatMoney = ({ amount, currency }: Money, locale: string): string => {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter.format(toMajorUnits(amount, currency));
};

/**
 * A typed major-unit amount ("90", "89.5", "89,50") as minor units; null when empty or not a
 * non-negative number. Both decimal separators are accepted: German users type a comma.
 */
export const parseMajorUnits = (text: string, currency: Currency): number | null => {
  const normalised = text.trim().replace(',', '.');
  if (normalised === '' || !/^\d+(\.\d*)?$/.test(normalised)) return null;
  return toMinorUnits(Number(normalised), currency);
};
