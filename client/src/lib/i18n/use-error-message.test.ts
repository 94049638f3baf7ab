import { describe, expect, it } from 'vitest';

import { formatWait } from './use-error-message';

describe('formatWait', () => {
  it('says a short wait in seconds and longer ones in whole minutes or hours, rounded up', () => {
    expect(formatWait(40, 'en')).toBe('in 40 seconds');
    expect(formatWait(61, 'en')).toBe('in 2 minutes');
    expect(formatWait(900, 'en')).toBe('in 15 minutes');
    expect(formatWait(3601, 'en')).toBe('in 2 hours');
  });

  it('speaks the current language', () => {
    expect(formatWait(300, 'de')).toBe('in 5 Minuten');
    expect(formatWait(1, 'de')).toBe('in 1 Sekunde');
  });
});
