import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { Button, buttonClassName } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { toApiError } from '@/lib/api-error';
import { useCurrentUser } from '@/lib/auth/session';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCoach } from '../api/get-coach';
import { CoachFacts } from '../components/coach-facts';
import { CoachProfileActions } from '../components/coach-profile-actions';
import { CoachRating } from '../components/coach-rating';
import { VerificationNotice } from '../components/verification-notice';
import './coaches.css';

/** A coach's public page, `/coaches/:userId`. */
export const CoachProfilePage = () => {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const coach = useCoach(userId);
  const viewer = useCurrentUser();
  const errorMessage = useErrorMessage();

  if (coach.isPending) return <LoadingScreen />;
  if (coach.isError) {
    const notFound = toApiError(coach.error).status === 404;
    return (
      <div className="message-page" data-testid={notFound ? 'coach-not-found' : 'coach-error'}>
        <PageTitle title={t('coaches.profile.notFoundTitle')} />
        <h1>{t(notFound ? 'coaches.profile.notFoundTitle' : 'coaches.profile.loadFailed')}</h1>
        <p role={notFound ? undefined : 'alert'}>
          {notFound ? t('coaches.profile.notFoundText') : errorMessage(coach.error)}
        </p>
        {!notFound && (
          <Button variant="secondary" onClick={() => void coach.refetch()}>
            {t('coaches.directory.retry')}
          </Button>
        )}
        <Link className={buttonClassName('primary')} to={paths.app.coaches.getHref()}>
          {t('coaches.profile.backToDirectory')}
        </Link>
      </div>
    );
  }

  const profile = coach.data;
  const name = `${profile.firstName} ${profile.lastName}`;
  return (
    <article className="coach-profile" data-testid="coach-profile">
      <PageTitle title={name} />
      <header className="coach-profile__header panel">
        <CoachAvatar coach={profile} size="xl" />
        <div className="coach-profile__intro">
          <h1 data-testid="coach-name">{name}</h1>
          <p className="coach-profile__headline" data-testid="coach-headline">
            {profile.headline}
          </p>
          <p className="coach-profile__meta">
            <CoachRating rating={profile.rating} />
            {profile.online && <span className="online-badge">{t('coaches.profile.online')}</span>}
          </p>
          <CoachProfileActions coach={profile} />
        </div>
      </header>
      {viewer?._id === profile._id && <VerificationNotice coach={profile} />}
      <div className="coach-profile__body">
        <section className="panel coach-profile__about" aria-labelledby="coach-about-heading">
          <h2 id="coach-about-heading">{t('coaches.profile.about')}</h2>
          <p className="coach-profile__bio" data-testid="coach-bio">
            {profile.bio || t('coaches.profile.noBio')}
          </p>
        </section>
        <aside className="panel coach-profile__facts" aria-label={t('coaches.profile.facts')}>
          <CoachFacts coach={profile} />
        </aside>
      </div>
    </article>
  );
};
