import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

import { Button } from '@/components/ui/button';

/**
 * Last resort for a page that threw or whose code failed to load (typically a new deploy
 * replaced the chunk this tab was about to fetch): a reload fixes both.
 */
export const RouteErrorPage = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  // Kept in the console for bug reports; the user only needs the way out.
  useEffect(() => console.error(error), [error]);

  return (
    <main className="message-page" data-testid="route-error">
      <h1>{t('app.pageFailed')}</h1>
      <Button onClick={() => window.location.reload()}>{t('app.reload')}</Button>
    </main>
  );
};
