import type { Locale } from '@coachhub/shared/locales';

import type { Translation } from './locales/en';

/**
 * Each language is its own chunk: a visitor downloads only the strings of the language they see,
 * and the other one only when they switch to it.
 */
const localeLoaders: Record<Locale, () => Promise<Translation>> = {
  en: async () => (await import('./locales/en')).en,
  de: async () => (await import('./locales/de')).de,
};

const loading = new Map<Locale, Promise<Translation>>();

/**
 * A language's strings, downloaded once. main.tsx asks for the starting language before the rest
 * of the app has arrived, so its chunk downloads beside the app's instead of after it; i18next
 * then finds the same download under way. A failed download is forgotten, so asking again retries.
 */
export const loadLocale = (locale: Locale): Promise<Translation> => {
  let strings = loading.get(locale);
  if (strings === undefined) {
    strings = localeLoaders[locale]();
    loading.set(locale, strings);
    strings.catch(() => loading.delete(locale));
  }
  return strings;
};
