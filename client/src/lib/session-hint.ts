import { SESSION_HINT_COOKIE } from '@coachhub/shared/page-render';

import { readPageCookie, writePageCookie } from './page-cookies';

/**
 * Whether this browser probably holds a session. The refresh cookie is httpOnly and scoped to
 * /api/auth, so the page cannot see it; without this hint every visitor's page load would try a
 * refresh and log a 401. Set when a session starts or is refreshed, cleared when it ends. It is
 * no secret and grants nothing: at worst a stale hint costs one refused refresh, which clears it.
 * A cookie mirrors it so the server sends a signed-in browser the app shell rather than a page
 * rendered for a visitor (server: core/http/page-render.ts).
 */
const STORAGE_KEY = 'coachhub:signed-in';

const mirrorInCookie = (signedIn: boolean) =>
  writePageCookie(SESSION_HINT_COOKIE, signedIn ? '1' : null);

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
    mirrorInCookie(true);
  },
  clear: (): void => {
    try {
      storage()?.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
    mirrorInCookie(false);
  },
  /** Writes the cookie for a hint stored before the cookie existed (or one that expired). */
  syncCookie: (): void => {
    if (sessionHint.isSet() && readPageCookie(SESSION_HINT_COOKIE) === null) mirrorInCookie(true);
  },
};
