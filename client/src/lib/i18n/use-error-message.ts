import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { toApiError } from '@/lib/api-error';

/**
 * "in 40 seconds", "in 5 minutes", "in 2 hours" in the current language: how long a rate limit
 * asks to wait, rounded up so nobody comes back too early.
 */
export const formatWait = (seconds: number, language: string): string => {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (seconds < 60) return format.format(seconds, 'second');
  if (seconds < 3600) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
};

/**
 * Turns any failure into a sentence in the current language, chosen by the API's error code.
 * A rate limit says how long to wait when the server told.
 */
export const useErrorMessage = (): ((error: unknown) => string) => {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const apiError = toApiError(error);
      const wait = apiError.code === 'RATE_LIMITED' ? apiError.retryAfterSeconds : null;
      if (wait !== null) {
        return t('errorsWithWait.RATE_LIMITED', { when: formatWait(wait, i18n.language) });
      }
      return t(`errors.${apiError.code}`);
    },
    [t, i18n.language],
  );
};
