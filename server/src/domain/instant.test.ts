import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isoInstant, parseInstant } from './instant.js';

describe('parseInstant', () => {
  it.each([
    ['2026-03-30T07:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T07:00Z', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T09:00:00+02:00', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T07:00:00.123Z', '2026-03-30T07:00:00.123Z'],
  ])('reads %s', (input, iso) => {
    expect(parseInstant(input)?.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-30T07:00:00'],
    ['2026-03-30'],
    ['2026-02-30T07:00:00Z'],
    ['2026-03-30T25:00:00Z'],
    ['yesterday'],
    ['1700000000000'],
    [''],
    [42],
    [{ $gt: '' }],
    [null],
  ])('refuses %j', (input) => {
    expect(parseInstant(input)).toBeNull();
  });
});

/** What parseInstant answered when Luxon read every instant: the cheaper UTC path must agree. */
function parsedByLuxon(value: string): number | null {
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!/(?:Z|[+-]\d{2}:\d{2})$/.test(value) || !/T\d{2}:\d{2}/.test(value) || !parsed.isValid) {
    return null;
  }
  const ms = parsed.toMillis();
  return ms >= 0 && parsed.toUTC().year <= 9999 ? ms : null;
}

describe('parseInstant agrees with Luxon', () => {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const expectSame = (value: string) =>
    expect([value, parseInstant(value)?.getTime() ?? null]).toEqual([value, parsedByLuxon(value)]);

  it('on every calendar day, month end and impossible date of a common and a leap year', () => {
    for (const year of [1970, 2026, 2028, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          expectSame(`${year}-${pad(month)}-${pad(day)}T12:30:00Z`);
        }
      }
    }
  });

  it('on times of day, seconds and fractions, and the shapes Luxon still reads', () => {
    for (const hour of [0, 1, 9, 23, 24, 25, 99]) {
      for (const minute of [0, 1, 30, 59, 60, 99]) {
        expectSame(`2026-03-29T${pad(hour)}:${pad(minute)}Z`);
        for (const second of [0, 59, 60]) {
          expectSame(`2026-03-29T${pad(hour)}:${pad(minute)}:${pad(second)}Z`);
        }
      }
    }
    for (let fraction = 0; fraction < 1000; fraction++) {
      expectSame(`2026-03-29T01:02:03.${pad(fraction, 3)}Z`);
      if (fraction < 100) expectSame(`2026-03-29T01:02:03.${pad(fraction)}Z`);
      if (fraction < 10) expectSame(`2026-03-29T01:02:03.${fraction}Z`);
    }
    for (const other of [
      '2026-03-29T01:02:03.1234Z',
      '2026-03-29T01:02:03.123456789Z',
      '2026-03-29T03:00:00+02:00',
      '2026-03-29T01:00:00-00:30',
      '1969-12-31T23:59:59Z',
      '0050-01-01T00:00:00Z',
    ]) {
      expectSame(other);
    }
  });
});

describe('isoInstant', () => {
  const MINUTE_MS = 60_000;
  const DAY_MS = 24 * 60 * MINUTE_MS;

  it('writes what toISOString writes, on and off whole minutes, across days and years', () => {
    const moments = [
      0,
      Date.UTC(2026, 11, 2, 8),
      Date.UTC(2026, 11, 31, 23, 59),
      Date.UTC(2027, 0, 1),
      Date.UTC(2028, 1, 29, 12, 30),
      Date.UTC(9999, 11, 31, 23, 59),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(1969, 11, 31, 23, 59),
      Date.UTC(2026, 2, 29, 1, 0, 30),
      Date.UTC(2026, 2, 29, 1, 0, 0, 1),
      Date.UTC(2026, 2, 29, 1, 0) + 0.5,
    ];
    // Every 7 minutes for ten days, the way a month of slots walks through them.
    for (let ms = Date.UTC(2026, 2, 25); ms < Date.UTC(2026, 3, 4); ms += 7 * MINUTE_MS) {
      moments.push(ms);
    }
    // Back and forth between days, so a day written earlier is written again.
    for (let step = 0; step < 50; step++) moments.push(Date.UTC(2026, 5, 1) + (step % 3) * DAY_MS);
    for (const ms of moments) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('refuses what toISOString refuses', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => isoInstant(8.64e15 + MINUTE_MS)).toThrow(RangeError);
  });
});
