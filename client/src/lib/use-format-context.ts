import { useTranslation } from 'react-i18next';

import { useCurrentUser } from '@/lib/auth/session';

import { deviceTimeZone } from './format';
import type { FormatContext } from './format';

/** The signed-in user's time zone (the device's for visitors) and the current UI language. */
export const useFormatContext = (): FormatContext => {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  return { locale: i18n.language, timeZone: user?.timeZone ?? deviceTimeZone() };
};
