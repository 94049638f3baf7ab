import { SUPPORTED_LOCALES } from '@coachhub/shared/locales';
import type { Locale } from '@coachhub/shared/locales';
import i18n from 'i18next';
import type { BackendModule, ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

import { readPageState } from '../page-state';
import { initialLocale, isLocale } from './locale-preference';
import type { Translation } from './locales/en';

/**
 * Each language is its own chunk: a visitor downloads only the strings of the language they see,
 * and the other one only when they switch to it.
 */
const localeLoaders: Record<Locale, () => Promise<Translation>> = {
  en: async () => (await import('./locales/en')).en,
  de: async () => (await import('./locales/de')).de,
};

/** i18next asks this for a language before it switches to it (init and every changeLanguage). */
const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLocale(language)) return callback(new Error(`Unsupported language ${language}`), false);
    localeLoaders[language]().then(
      (strings) => callback(null, strings as unknown as ResourceKey),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Only a change is written: setting `lang`, even to the same value, restyles the whole page. */
export const reflectLanguageOnDocument = (language: string): void => {
  if (document.documentElement.lang !== language) document.documentElement.lang = language;
};

i18n.on('languageChanged', reflectLanguageOnDocument);

/**
 * Settles once the starting language's strings are in: the app renders after it, so no key ever
 * shows untranslated.
 */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    // A server-rendered page is hydrated in the language it was rendered in.
    lng: readPageState()?.locale ?? initialLocale(),
    // Every language has every key (resources.test.ts), so a fallback would only load a second
    // language's strings for nothing.
    fallbackLng: false,
    supportedLngs: [...SUPPORTED_LOCALES],
    // React escapes output itself.
    interpolation: { escapeValue: false },
  });

export { i18n };
