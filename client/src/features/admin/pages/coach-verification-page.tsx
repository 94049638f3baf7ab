import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { Pagination } from '@/components/ui/pagination';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useApproveCoach } from '../api/approve-coach';
import { usePendingCoaches } from '../api/get-pending-coaches';
import { useRejectCoach } from '../api/reject-coach';
import { PendingCoachItem } from '../components/pending-coach-item';
import './coach-verification-page.css';

/** `/admin/coaches`: the queue of coaches waiting for an admin's decision. */
export const CoachVerificationPage = () => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [page, setPage] = useState(1);
  const pending = usePendingCoaches(page);
  const approve = useApproveCoach();
  const reject = useRejectCoach();

  return (
    <div className="verification-page">
      <PageTitle title={t('admin.coaches.title')} />
      <header className="page-header">
        <h1>{t('admin.coaches.title')}</h1>
        <p className="page-header__lead">{t('admin.coaches.lead')}</p>
      </header>
      {pending.isPending && <LoadingScreen />}
      {pending.isError && (
        <div className="message-page" role="alert">
          <p>
            {t('admin.coaches.loadFailed')} {errorMessage(pending.error)}
          </p>
          <Button variant="secondary" onClick={() => void pending.refetch()}>
            {t('admin.coaches.retry')}
          </Button>
        </div>
      )}
      {pending.data && pending.data.items.length === 0 && (
        <p className="verification-page__empty" data-testid="verification-empty">
          {t('admin.coaches.empty')}
        </p>
      )}
      {pending.data && pending.data.items.length > 0 && (
        <>
          <ul className="verification-list" aria-label={t('admin.coaches.listLabel')}>
            {pending.data.items.map((coach) => (
              <PendingCoachItem
                key={coach._id}
                coach={coach}
                onApprove={() => approve.mutate(coach._id)}
                onReject={(reason) => reject.mutate({ userId: coach._id, reason })}
              />
            ))}
          </ul>
          <Pagination
            page={pending.data.page}
            limit={pending.data.limit}
            total={pending.data.total}
            onPageChange={setPage}
            label={t('admin.coaches.pages')}
          />
        </>
      )}
    </div>
  );
};
