import { DateTime } from 'luxon';

// A full date and time with seconds optional and an explicit zone designator: instants that do
// not say which zone they are in are refused rather than guessed.
const INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 instant such as `2026-03-30T07:00:00Z` or `2026-03-30T09:00+02:00` as a Date, or
 * null when malformed, not a real calendar time (`2026-02-30T...`), or without a zone.
 */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value)) return null;
  const utc = parseUtcInstant(value);
  if (utc !== undefined) return utc;
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) return null;
  const date = parsed.toJSDate();
  // Dates outside years 1970-9999 are not bookings.
  return date.getTime() >= 0 && date.getUTCFullYear() <= 9999 ? date : null;
}

// The common shape (UTC, a year from 1970, at most milliseconds), which the code below reads
// without Luxon: a Luxon parse costs several microseconds and a slots query holds two instants
// that its checks read four times.
const UTC_INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/;

/**
 * A UTC instant of the common shape as a Date, null when it names no real calendar time, or
 * undefined when it has another shape (Luxon reads those).
 */
function parseUtcInstant(value: string): Date | null | undefined {
  const parts = UTC_INSTANT_PATTERN.exec(value);
  if (!parts) return undefined;
  const [year, month, day, hour, minute] = parts.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(parts[6] ?? 0);
  const fraction = parts[7];
  if (year < 1970) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Luxon reads 24:00 as the next midnight: leave that to it.
  if (hour === 24) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Luxon's reading of a fraction, so that both paths agree to the millisecond.
  const millis = fraction === undefined ? 0 : Math.floor(parseFloat(`0.${fraction}`) * 1000);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const isInstant = (value: unknown): boolean => parseInstant(value) !== null;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** 10000-01-01T00:00:00Z: from there on toISOString writes an expanded year. */
const YEAR_10000_MS = 253_402_300_800_000;

/** `HH:MM:00.000Z` for every minute of a day. */
const MINUTE_SUFFIXES = Array.from({ length: 24 * 60 }, (_, minute) => {
  const hours = String(Math.floor(minute / 60)).padStart(2, '0');
  const minutes = String(minute % 60).padStart(2, '0');
  return `${hours}:${minutes}:00.000Z`;
});

let lastDay = Number.NaN;
let lastDayPrefix = '';

/**
 * Instants already written. Slots repeat from one read to the next, and a string kept is one
 * that JSON.stringify has already flattened and the collector need not collect: both cost more
 * than writing it. Bounded: forgotten all at once when full.
 */
const MAX_WRITTEN = 50_000;
const written = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, made cheaper for the times slots lie on (whole minutes, many on
 * the same day, the same from one read to the next): the date part is written once per day, the
 * time of day taken from a table, and the result kept. Date's own formatting costs about a
 * microsecond, and a month of slots writes ~800 instants.
 */
export function isoInstant(ms: number): string {
  if (ms % MINUTE_MS !== 0 || ms < 0 || ms >= YEAR_10000_MS) return new Date(ms).toISOString();
  const known = written.get(ms);
  if (known !== undefined) return known;
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) {
    lastDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 'YYYY-MM-DDT'.length);
    lastDay = day;
  }
  const iso = lastDayPrefix + (MINUTE_SUFFIXES[(ms - day * DAY_MS) / MINUTE_MS] as string);
  if (written.size >= MAX_WRITTEN) written.clear();
  written.set(ms, iso);
  return iso;
}
