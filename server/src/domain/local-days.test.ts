import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDaysBetween, sameTimeDaysLater } from './local-days.js';

const HOUR_MS = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const localTime = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm ZZ');

describe('localDaysBetween', () => {
  it('lists the calendar days of the zone touched by the span, with their weekdays', () => {
    // 22:00Z on Saturday is already Sunday 07:00 in Tokyo.
    const days = localDaysBetween(
      'Asia/Tokyo',
      at('2026-06-13T22:00:00Z'),
      at('2026-06-15T16:00:00Z'),
    );
    expect(days.map((day) => [day.date, day.weekday])).toEqual([
      ['2026-06-14', 0],
      ['2026-06-15', 1],
      ['2026-06-16', 2],
    ]);
    expect(days[0]?.start).toBe(at('2026-06-13T15:00:00Z'));
    expect(days[0]?.end).toBe(days[1]?.start);
  });

  it('has a 23-hour day when Berlin springs forward and a 25-hour day when it falls back', () => {
    const [spring] = localDaysBetween(
      'Europe/Berlin',
      at('2026-03-29T12:00:00Z'),
      at('2026-03-29T12:00:00Z'),
    );
    const [autumn] = localDaysBetween(
      'Europe/Berlin',
      at('2026-10-25T12:00:00Z'),
      at('2026-10-25T12:00:00Z'),
    );
    expect(spring && spring.end - spring.start).toBe(23 * HOUR_MS);
    expect(autumn && autumn.end - autumn.start).toBe(25 * HOUR_MS);
  });

  it('places a wall-clock time at that local time on DST days, as on ordinary ones', () => {
    const zone = 'America/New_York';
    const days = localDaysBetween(zone, at('2026-03-07T17:00:00Z'), at('2026-03-09T17:00:00Z'));
    expect(days.map((day) => localTime(day.instantAt(9 * 60), zone))).toEqual([
      '2026-03-07 09:00 -05:00',
      '2026-03-08 09:00 -04:00',
      '2026-03-09 09:00 -04:00',
    ]);
  });

  it('moves a time inside the skipped hour forward, and 24:00 is the next midnight', () => {
    const zone = 'Europe/Berlin';
    const [day] = localDaysBetween(zone, at('2026-03-29T10:00:00Z'), at('2026-03-29T10:00:00Z'));
    expect(day && localTime(day.instantAt(2 * 60 + 30), zone)).toBe('2026-03-29 03:30 +02:00');
    expect(day && localTime(day.instantAt(24 * 60), zone)).toBe('2026-03-30 00:00 +02:00');
  });

  it('starts a day at its first instant when the zone skips midnight', () => {
    // Chile moves from 00:00 to 01:00 on the first Sunday of September.
    const zone = 'America/Santiago';
    const [day] = localDaysBetween(zone, at('2026-09-06T15:00:00Z'), at('2026-09-06T15:00:00Z'));
    expect(day?.date).toBe('2026-09-06');
    expect(day && localTime(day.start, zone)).toBe('2026-09-06 01:00 -03:00');
    expect(day && localTime(day.instantAt(0), zone)).toBe('2026-09-06 01:00 -03:00');
    expect(day && localTime(day.instantAt(9 * 60), zone)).toBe('2026-09-06 09:00 -03:00');
  });

  it('returns nothing for an empty span and refuses an unknown zone', () => {
    expect(localDaysBetween('UTC', at('2026-06-15T00:00:00Z'), at('2026-06-14T00:00:00Z'))).toEqual(
      [],
    );
    expect(() => localDaysBetween('Mars/Olympus', 0, 1)).toThrow(RangeError);
  });
});

/** Zones with DST at 02:00, at midnight, by half an hour, a skipped date, odd offsets. */
const TRICKY_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Apia',
  'Pacific/Chatham',
  'UTC',
];

/** Instants every 73 minutes over a few days around each of the zone's changes of the year. */
function instantsAround(zone: string, year: number): number[] {
  const instants: number[] = [];
  let previousOffset: number | null = null;
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 24 * HOUR_MS) {
    const offset = DateTime.fromMillis(day, { zone }).offset;
    if (previousOffset !== null && offset !== previousOffset) {
      for (let ms = day - 3 * 24 * HOUR_MS; ms < day + 2 * 24 * HOUR_MS; ms += 73 * 60_000) {
        instants.push(ms);
      }
    }
    previousOffset = offset;
  }
  for (let ms = Date.UTC(year, 5, 1); ms < Date.UTC(year, 5, 3); ms += 73 * 60_000) {
    instants.push(ms);
  }
  return instants;
}

describe('the kept days agree with Luxon', () => {
  it('the first day of a span is the local day that holds its start, in every zone', () => {
    for (const zone of TRICKY_ZONES) {
      for (const year of [2011, 2026]) {
        // Twice: once as Luxon finds each day, once from what was kept.
        for (let pass = 0; pass < 2; pass++) {
          for (const ms of instantsAround(zone, year)) {
            const [first] = localDaysBetween(zone, ms, ms);
            const expected = DateTime.fromMillis(ms, { zone }).startOf('day');
            expect([zone, ms, first?.start, first?.date]).toEqual([
              zone,
              ms,
              expected.toMillis(),
              expected.toISODate(),
            ]);
            expect(first && first.start <= ms && ms < first.end).toBe(true);
          }
        }
      }
    }
  });

  it('sameTimeDaysLater is Luxon plus({ days }), across DST changes and a skipped date', () => {
    for (const zone of TRICKY_ZONES) {
      for (const year of [2011, 2026]) {
        for (let pass = 0; pass < 2; pass++) {
          for (const ms of instantsAround(zone, year)) {
            for (const days of [0, 1, 2, 3, 60]) {
              const expected = DateTime.fromMillis(ms, { zone }).plus({ days }).toMillis();
              expect([zone, ms, days, sameTimeDaysLater(zone, ms, days)]).toEqual([
                zone,
                ms,
                days,
                expected,
              ]);
            }
          }
        }
      }
    }
  });

  it('refuses an unknown zone as before', () => {
    expect(() => localDaysBetween('Mars/Olympus', 0, 0)).toThrow(RangeError);
    expect(() => sameTimeDaysLater('Mars/Olympus', 0, 1)).toThrow(RangeError);
  });
});
