/**
 * Whether this browser probably holds a session. The refresh cookie is httpOnly and scoped to
 * /api/auth, so the page cannot see it; without this hint every visitor's page load would try a
 * refresh and log a 401. Set when a session starts or is refreshed, cleared when it ends. It is
 * no secret and grants nothing: at worst a stale hint costs one refused refresh, which clears it.
 */
const STORAGE_KEY = 'coachhub:signed-in';

const storage = (): Storage | null => {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
};

export const sessionHint = {
  isSet: (): boolean => {
    try {
      return storage()?.getItem(STORAGE_KEY) === '1';
    } catch {
      return false;
    }
  },
  set: (): void => {
    try {
      storage()?.setItem(STORAGE_KEY, '1');
    } catch {
      // Storage full or disabled: the session lasts until the tab closes.
    }
  },
  clear: (): void => {
    try {
      storage()?.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
