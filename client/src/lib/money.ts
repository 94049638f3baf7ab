import type { Currency } from '@coachhub/shared/pricing';

import { formatMoney, minorUnitDigits, toMajorUnits } from '@coachhub/shared/format';

// One source with the server's e-mails (shared/src/format.ts).
export { formatMoney, minorUnitDigits, toMajorUnits };

/** Rounded to a whole number of minor units, so a typed 12.345 EUR never becomes a fraction of a cent. */
export const toMinorUnits = (major: number, currency: Currency): number =>
  Math.round(major * 10 ** minorUnitDigits(currency));

/**
 * A typed major-unit amount ("90", "89.5", "89,50") as minor units; null when empty or not a
 * non-negative number. Both decimal separators are accepted: German users type a comma.
 */
export const parseMajorUnits = (text: string, currency: Currency): number | null => {
  const normalised = text.trim().replace(',', '.');
  if (normalised === '' || !/^\d+(\.\d*)?$/.test(normalised)) return null;
  return toMinorUnits(Number(normalised), currency);
};
