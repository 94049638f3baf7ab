import { describe, expect, it } from 'vitest';

import { formatMoney, parseMajorUnits, toMajorUnits, toMinorUnits } from './money';

describe('money', () => {
  it('formats minor units as major units in the locale and currency', () => {
    expect(formatMoney({ amount: 9000, currency: 'EUR' }, 'en')).toBe('€90.00');
    // German puts a no-break space between the amount and the symbol.
    expect(formatMoney({ amount: 9050, currency: 'EUR' }, 'de')).toBe('90,50\u00a0€');
    expect(formatMoney({ amount: 4500, currency: 'USD' }, 'en')).toBe('$45.00');
  });

  it('converts between minor and major units without fractions of a cent', () => {
    expect(toMajorUnits(12345, 'CHF')).toBe(123.45);
    expect(toMinorUnits(12.345, 'EUR')).toBe(1235);
  });

  it('reads typed amounts with either decimal separator', () => {
    expect(parseMajorUnits('90', 'EUR')).toBe(9000);
    expect(parseMajorUnits('89,5', 'EUR')).toBe(8950);
    expect(parseMajorUnits(' ', 'EUR')).toBeNull();
    expect(parseMajorUnits('-3', 'EUR')).toBeNull();
    expect(parseMajorUnits('abc', 'EUR')).toBeNull();
  });
});
