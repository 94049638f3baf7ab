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
