/**
 * Device zones the user chose not to switch to, remembered in this browser: the notice stays away
 * for that zone and comes back when the device moves to another one (travel, a new laptop).
 */
const STORAGE_KEY = 'coachhub:time-zone-notice-dismissed';

const read = (): string[] => {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((zone): zone is string => typeof zone === 'string')
      : [];
  } catch {
    return [];
  }
};

export const isTimeZoneDismissed = (deviceZone: string): boolean => read().includes(deviceZone);

export const dismissTimeZone = (deviceZone: string): void => {
  const zones = read();
  if (zones.includes(deviceZone)) return;
  try {
    // A handful of zones at most; the newest ten are plenty.
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...zones, deviceZone].slice(-10)));
  } catch {
    // Storage full or disabled: the notice is hidden until the page is reloaded.
  }
};
