import type { Page } from '@coachhub/shared/pagination';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import type { TranslationKey } from '@/lib/i18n/translation-key';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

interface ListStateProps<Item> {
  query: UseQueryResult<Page<Item>>;
  emptyKey: TranslationKey;
  children: (page: Page<Item>) => ReactNode;
}

/** A list's loading, failure (with a retry) and empty states; the page itself otherwise. */
export const ListState = <Item,>({ query, emptyKey, children }: ListStateProps<Item>) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (query.isPending) return <LoadingScreen />;
  if (query.isError) {
    return (
      <div role="alert">
        <p>
          {t('admin.area.loadFailed')} {errorMessage(query.error)}
        </p>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('admin.area.retry')}
        </Button>
      </div>
    );
  }
  if (query.data.items.length === 0) {
    return (
      <p className="admin-empty" data-testid="admin-empty">
        {t(emptyKey)}
      </p>
    );
  }
  return <>{children(query.data)}</>;
};
