import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime, formatTime, isValidTimeZone } from './format';

// 2026-03-28 is the Saturday before Europe switches to summer time.
const winterInstant = '2026-03-28T08:00:00.000Z';
const summerInstant = '2026-03-30T07:00:00.000Z';

describe('format', () => {
  it('shows an instant in the given time zone, across a daylight-saving change', () => {
    const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
    expect(formatTime(winterInstant, berlin)).toBe('09:00');
    expect(formatTime(summerInstant, berlin)).toBe('09:00');
  });

  it('follows the locale', () => {
    const instant = '2026-03-30T07:00:00.000Z';
    expect(formatDate(instant, { locale: 'de', timeZone: 'Europe/Berlin' })).toBe(
      'Montag, 30. März 2026',
    );
    expect(formatDate(instant, { locale: 'en', timeZone: 'America/New_York' })).toBe(
      'Monday, March 30, 2026',
    );
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(
      formatDateTime(
        winterInstant,
        { locale: 'en-GB', timeZone: 'Mars/Olympus_Mons' },
        {
          timeStyle: 'short',
        },
      ),
    ).toBe('08:00');
  });
});
