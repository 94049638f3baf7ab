import type { ReviewDTO } from '@coachhub/shared/review';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { Pagination } from '@/components/ui/pagination';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { useAdminReviews } from '../api/get-admin-reviews';
import { useModerateReview } from '../api/moderate-review';
import { FilterSelect } from '../components/filter-select';
import { ListState } from '../components/list-state';
import { ReasonDialog } from '../components/reason-dialog';
import { SearchForm } from '../components/search-form';
import { useSearchState, withoutEmpty } from '../components/use-search-state';
import '../components/admin-layout.css';

const FILTERS = ['hidden', 'coachId'] as const;
const OBJECT_ID = /^[0-9a-f]{24}$/i;

const hiddenFilter = (value: string) =>
  value === 'true' ? true : value === 'false' ? false : undefined;

/** `/admin/reviews`: every review, hidden ones included; hide and restore with a reason. */
export const AdminReviewsPage = () => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const { values, page, update } = useSearchState(FILTERS);
  const coachId = OBJECT_ID.test(values.coachId) ? values.coachId : undefined;
  const reviews = useAdminReviews(
    withoutEmpty({ hidden: hiddenFilter(values.hidden), coachId, page }),
  );
  const moderate = useModerateReview();
  const [pending, setPending] = useState<ReviewDTO | null>(null);

  const close = () => {
    setPending(null);
    moderate.reset();
  };
  const action = pending?.hiddenAt ? 'restore' : 'hide';

  return (
    <div className="admin-page">
      <PageTitle title={t('admin.reviews.title')} />
      <header className="page-header">
        <h1>{t('admin.reviews.title')}</h1>
        <p className="page-header__lead">{t('admin.reviews.lead')}</p>
      </header>
      <div className="admin-filters" role="search" aria-label={t('admin.reviews.filters')}>
        <FilterSelect
          label={t('admin.reviews.visibility')}
          value={values.hidden}
          onChange={(hidden) => update({ hidden })}
          allLabel={t('admin.reviews.all')}
          options={[
            { value: 'false', label: t('admin.reviews.visibleOnly') },
            { value: 'true', label: t('admin.reviews.hiddenOnly') },
          ]}
        />
        <SearchForm
          label={t('admin.reviews.coachId')}
          value={values.coachId}
          onSearch={(next) => update({ coachId: next })}
        />
      </div>
      <ListState query={reviews} emptyKey="admin.reviews.empty">
        {(data) => (
          <>
            <ul className="admin-cards" aria-label={t('admin.reviews.listLabel')}>
              {data.items.map((review) => (
                <li
                  key={review._id}
                  className="admin-card"
                  data-testid="admin-review"
                  data-hidden={review.hiddenAt !== null}
                >
                  <p>
                    <strong>{t('admin.reviews.stars', { rating: review.rating })}</strong> ·{' '}
                    {review.reviewer.displayName} · {formatDateTime(review.createdAt, format)}
                  </p>
                  <p className="admin-card__meta">
                    {t('admin.reviews.ofCoach', { coachId: review.coachId })}
                  </p>
                  <p>{review.comment || t('admin.reviews.noComment')}</p>
                  {review.hiddenAt && (
                    <p className="admin-card__meta">
                      {t('admin.reviews.hiddenBecause', { reason: review.hiddenReason ?? '' })}
                    </p>
                  )}
                  <div>
                    <Button
                      variant="secondary"
                      aria-label={t(
                        review.hiddenAt ? 'admin.reviews.restoreOf' : 'admin.reviews.hideOf',
                        { name: review.reviewer.displayName },
                      )}
                      onClick={() => setPending(review)}
                    >
                      {t(review.hiddenAt ? 'admin.reviews.restore' : 'admin.reviews.hide')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
            <Pagination
              page={data.page}
              limit={data.limit}
              total={data.total}
              onPageChange={(next) => update({ page: next })}
              label={t('admin.reviews.pages')}
            />
          </>
        )}
      </ListState>
      {pending && (
        <ReasonDialog
          title={t(`admin.reviews.confirm.${action}.title`, {
            name: pending.reviewer.displayName,
          })}
          description={t(`admin.reviews.confirm.${action}.text`)}
          confirmLabel={t(`admin.reviews.confirm.${action}.button`)}
          isBusy={moderate.isPending}
          error={moderate.error}
          onCancel={close}
          onConfirm={(reason) =>
            moderate.mutate({ reviewId: pending._id, action, reason }, { onSuccess: close })
          }
        />
      )}
    </div>
  );
};
