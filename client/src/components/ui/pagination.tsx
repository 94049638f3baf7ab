import { useTranslation } from 'react-i18next';

import { Button } from './button';
import './pagination.css';

interface PaginationProps {
  page: number;
  limit: number;
  total: number;
  onPageChange: (page: number) => void;
  /** Names the navigation landmark, e.g. "Coach results pages". */
  label: string;
}

/** Previous / next with "21–40 of 57"; hidden when everything fits on one page. */
export const Pagination = ({ page, limit, total, onPageChange, label }: PaginationProps) => {
  const { t } = useTranslation();
  const pageCount = Math.max(1, Math.ceil(total / limit));
  if (total <= limit && page <= 1) return null;
  const first = Math.min(total, (page - 1) * limit + 1);
  const last = Math.min(total, page * limit);

  return (
    <nav className="pagination" aria-label={label} data-testid="pagination">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <p className="pagination__status" aria-live="polite">
        {t('pagination.status', { first, last, total, page, pageCount })}
      </p>
      <Button
        variant="secondary"
        disabled={page >= pageCount}
        onClick={() => onPageChange(page + 1)}
      >
        {t('pagination.next')}
      </Button>
    </nav>
  );
};
