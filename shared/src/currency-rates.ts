import type { Currency } from './pricing.js';

/**
 * Fixed reference rates for comparing prices across currencies, e.g. a client's budget in EUR
 * with a coach priced in CHF ("Find my coach"). Never used to charge anyone: a booking is always
 * quoted and paid in the coach's own currency. Deliberately a table in the code, not a feed, so a
 * match is reproducible and needs no network; review it now and then.
 *
 * Value of one unit of each currency in euros (as of CURRENCY_RATES_AS_OF, rounded).
 */
export const EUR_PER_UNIT: Readonly<Record<Currency, number>> = {
  EUR: 1,
  USD: 0.86,
  GBP: 1.14,
  CHF: 1.07,
};

export const CURRENCY_RATES_AS_OF = '2025-11-30';

export const isKnownCurrency = (currency: string): currency is Currency =>
  Object.hasOwn(EUR_PER_UNIT, currency);

/**
 * An amount in minor units of `from`, in minor units of `to` at the reference rates (every
 * supported currency has two decimals, so minor units convert like major ones), rounded to a
 * whole minor unit. The same currency is returned unchanged.
 */
export function convertMinorUnits(amount: number, from: Currency, to: Currency): number {
  if (from === to) return amount;
  return Math.round((amount * EUR_PER_UNIT[from]) / EUR_PER_UNIT[to]);
}
