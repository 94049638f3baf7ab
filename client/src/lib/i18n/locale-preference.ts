import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '@coachhub/shared/locales';
import type { Locale } from '@coachhub/shared/locales';
import { LOCALE_COOKIE } from '@coachhub/shared/page-render';

import { readPageCookie, writePageCookie } from '../page-cookies';

/** Only an anonymous visitor's choice is stored here; a signed-in user's lives on the server. */
const STORAGE_KEY = 'coachhub.locale';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);

export const readAnonymousLocale = (): Locale | null => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be disabled (privacy mode); the browser language is a fine fallback.
    return null;
  }
};

export const saveAnonymousLocale = (locale: Locale): void => {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; the switch still works for this visit.
  }
  // The server renders the public pages in this language too.
  writePageCookie(LOCALE_COOKIE, locale);
};

/** Writes the cookie for a choice stored before the cookie existed (or one that expired). */
export const mirrorLocaleInCookie = (): void => {
  const stored = readAnonymousLocale();
  if (stored !== null && readPageCookie(LOCALE_COOKIE) !== stored) {
    writePageCookie(LOCALE_COOKIE, stored);
  }
};

export const browserLocale = (): Locale => {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  const match = preferred.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLocale);
  return match ?? DEFAULT_LOCALE;
};

export const initialLocale = (): Locale => readAnonymousLocale() ?? browserLocale();
