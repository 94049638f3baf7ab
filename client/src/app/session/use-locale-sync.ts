import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { useCurrentUser } from '@/lib/auth/session';

/** A signed-in user's saved language wins over whatever this browser last showed. */
export const useLocaleSync = (): void => {
  const { i18n } = useTranslation();
  const locale = useCurrentUser()?.locale;

  useEffect(() => {
    if (locale && locale !== i18n.language) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
};
