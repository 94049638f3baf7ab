import { useTranslation } from 'react-i18next';

import { useCurrentUser } from '@/lib/auth/session';

import { deviceTimeZone } from './format';
import type { FormatContext } from './format';

/**
 * The same context, read when it is needed (an event's handler) rather than on every render:
 * the device's time zone is costly to read the first time (tens of milliseconds on a phone), and
 * a page that formats no date, such as the directory, should not pay for it while it hydrates.
 */
export const useFormatContextReader = (): (() => FormatContext) => {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  return () => ({ locale: i18n.language, timeZone: user?.timeZone ?? deviceTimeZone() });
};

/** The signed-in user's time zone (the device's for visitors) and the current UI language. */
export const useFormatContext = (): FormatContext => useFormatContextReader()();
