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
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) return null;
  const date = parsed.toJSDate();
  // Dates outside years 1970-9999 are not bookings.
  return date.getTime() >= 0 && date.getUTCFullYear() <= 9999 ? date : null;
}

export const isInstant = (value: unknown): boolean => parseInstant(value) !== null;
