import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '@coachhub/shared/locales';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import { initialLocale } from './locale-preference';
import { de } from './locales/de';
import { en } from './locales/en';

export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const;

const reflectLanguageOnDocument = (language: string) => {
  document.documentElement.lang = language;
};

i18n.on('languageChanged', reflectLanguageOnDocument);

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...SUPPORTED_LOCALES],
  // Resources are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
  // React escapes output itself.
  interpolation: { escapeValue: false },
});

export { i18n };
