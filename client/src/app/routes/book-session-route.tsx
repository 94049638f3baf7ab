import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { Button, buttonClassName } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCoach } from '@/features/coaches/api/get-coach';
import { BookSessionPage } from '@/features/bookings/pages/book-session-page';
import { toApiError } from '@/lib/api-error';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

/**
 * `/coaches/:userId/book` composes two features: the coach (coaches) and the booking flow
 * (bookings), which never import each other.
 */
export const BookSessionRoute = () => {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const coach = useCoach(userId);
  const errorMessage = useErrorMessage();

  if (coach.isPending) return <LoadingScreen />;
  if (coach.isError) {
    const notFound = toApiError(coach.error).status === 404;
    return (
      <div className="message-page" data-testid={notFound ? 'coach-not-found' : 'coach-error'}>
        <PageTitle title={t('booking.title')} />
        <h1>{t(notFound ? 'coaches.profile.notFoundTitle' : 'booking.loadFailed')}</h1>
        <p role={notFound ? undefined : 'alert'}>
          {notFound ? t('coaches.profile.notFoundText') : errorMessage(coach.error)}
        </p>
        {!notFound && (
          <Button variant="secondary" onClick={() => void coach.refetch()}>
            {t('booking.retry')}
          </Button>
        )}
        <Link className={buttonClassName('primary')} to={paths.app.coaches.getHref()}>
          {t('coaches.profile.backToDirectory')}
        </Link>
      </div>
    );
  }
  return <BookSessionPage coach={coach.data} />;
};
