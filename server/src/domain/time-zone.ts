// IANA names are Area/Location (or a few bare names like UTC); offsets such as "+01:00" are not zones.
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

// Building an Intl.DateTimeFormat costs about a tenth of a millisecond, and the same few zones
// are checked on every slots request and every save: answers are remembered. Only names of the
// right shape get here, and the cache stops growing at a size no real set of zones reaches.
const known = new Map<string, boolean>();
const MAX_REMEMBERED = 2_000;

/** True for a time zone name the runtime's IANA database knows (e.g. "Europe/Berlin", "UTC"). */
export function isIanaTimeZone(value: string): boolean {
  if (typeof value !== 'string' || !IANA_SHAPE.test(value)) return false;
  const remembered = known.get(value);
  if (remembered !== undefined) return remembered;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    valid = true;
  } catch {
    valid = false;
  }
  if (known.size < MAX_REMEMBERED) known.set(value, valid);
  return valid;
}
