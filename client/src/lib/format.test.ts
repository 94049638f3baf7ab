import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime, formatTimeAgo, formatTime, isValidTimeZone } from './format';

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

describe('formatTimeAgo', () => {
  const now = '2026-05-06T10:00:00.000Z';
  const en = { locale: 'en', timeZone: 'Europe/Berlin' };
  const ago = (seconds: number) => new Date(Date.parse(now) - seconds * 1000).toISOString();

  it('says how long ago, in the largest whole unit under a week', () => {
    expect(formatTimeAgo(ago(20), now, en)).toBe('now');
    expect(formatTimeAgo(ago(5 * 60 + 30), now, en)).toBe('5 minutes ago');
    expect(formatTimeAgo(ago(3 * 3600), now, en)).toBe('3 hours ago');
    expect(formatTimeAgo(ago(30 * 3600), now, en)).toBe('yesterday');
    expect(formatTimeAgo(ago(3 * 86400), now, { locale: 'de', timeZone: 'UTC' })).toBe(
      'vor 3 Tagen',
    );
  });

  it('shows the date and time in the zone from a week on, and never a future', () => {
    expect(formatTimeAgo('2026-04-20T08:00:00.000Z', now, en)).toBe('Apr 20, 2026, 10:00 AM');
    expect(formatTimeAgo('2026-05-06T10:00:30.000Z', now, en)).toBe('now');
  });
});
