import type { CoachDirectoryPage } from '@coachhub/shared/coach';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { CoachCard } from './coach-card';
import { CoachCardSkeleton } from './coach-card-skeleton';
import { DIRECTORY_PAGE_SIZE } from './directory-search';

interface DirectoryResultsProps {
  result: UseQueryResult<CoachDirectoryPage>;
  hasFilters: boolean;
  onClearFilters: () => void;
}

/** Loading (skeletons), failed (with a retry), empty (with a way out), or the coaches. */
export const DirectoryResults = ({ result, hasFilters, onClearFilters }: DirectoryResultsProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();

  if (result.isPending) {
    return (
      <div className="coach-grid" data-testid="directory-loading">
        <p className="visually-hidden" role="status">
          {t('coaches.directory.loading')}
        </p>
        {Array.from({ length: DIRECTORY_PAGE_SIZE / 2 }, (_, index) => (
          <CoachCardSkeleton key={index} />
        ))}
      </div>
    );
  }

  if (result.isError) {
    return (
      <div className="directory-message" role="alert" data-testid="directory-error">
        <p className="directory-message__title">{t('coaches.directory.loadFailed')}</p>
        <p>{errorMessage(result.error)}</p>
        <Button variant="secondary" onClick={() => void result.refetch()}>
          {t('coaches.directory.retry')}
        </Button>
      </div>
    );
  }

  if (result.data.items.length === 0) {
    return (
      <div className="directory-message" data-testid="directory-empty">
        <p className="directory-message__title">{t('coaches.directory.emptyTitle')}</p>
        <p>{t('coaches.directory.emptyText')}</p>
        {hasFilters && (
          <Button variant="secondary" onClick={onClearFilters}>
            {t('coaches.directory.clearFilters')}
          </Button>
        )}
      </div>
    );
  }

  return (
    <ul
      className="coach-grid"
      aria-busy={result.isPlaceholderData || undefined}
      data-testid="directory-results"
    >
      {result.data.items.map((coach) => (
        <li key={coach._id}>
          <CoachCard coach={coach} />
        </li>
      ))}
    </ul>
  );
};
