import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { toApiError } from '@/lib/api-error';

/** Turns any failure into a sentence in the current language, chosen by the API's error code. */
export const useErrorMessage = (): ((error: unknown) => string) => {
  const { t } = useTranslation();
  return useCallback((error: unknown) => t(`errors.${toApiError(error).code}`), [t]);
};
