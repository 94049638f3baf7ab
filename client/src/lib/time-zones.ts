import { deviceTimeZone } from './format';

/**
 * The IANA zones this browser knows, always including the ones the caller needs to show
 * (engines differ, e.g. some leave `UTC` out of `supportedValuesOf`).
 */
export const listTimeZones = (mustInclude: readonly string[] = []): string[] => {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set([...known, 'UTC', deviceTimeZone(), ...mustInclude]);
  return [...zones].sort((a, b) => a.localeCompare(b));
};

/** Readable zone names: `America/New_York` -> `America/New York`; the value stays the IANA id. */
export const zoneLabel = (zone: string): string => zone.replaceAll('_', ' ');

/** Time zone choices for a select, always including `current`. */
export const timeZoneOptions = (current: string): { value: string; label: string }[] =>
  listTimeZones([current]).map((zone) => ({ value: zone, label: zoneLabel(zone) }));
