/** Wall-clock times of day as availability stores them: 'HH:mm', from '00:00' to '24:00'. */
export const MINUTES_PER_DAY = 24 * 60;

// '24:00' is allowed so an interval can run to the end of the day without crossing midnight.
const LOCAL_TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes since local midnight for 'HH:mm' (0 for '00:00' .. 1440 for '24:00'), or null when malformed. */
export function minutesOfDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_TIME_PATTERN.exec(value);
  if (match === null) return null;
  if (match[1] === undefined) return MINUTES_PER_DAY;
  return Number(match[1]) * 60 + Number(match[2]);
}
