import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { CoachLoadError } from '@/components/coach/coach-load-error';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { useCurrentUser } from '@/lib/auth/session';

import { useCoach } from '../api/get-coach';
import { CoachFacts } from '../components/coach-facts';
import { CoachProfileActions } from '../components/coach-profile-actions';
import { CoachRating } from '../components/coach-rating';
import type { CoachProfileSlots } from '../components/coach-profile-slots';
import { VerificationNotice } from '../components/verification-notice';
import './coaches.css';

/**
 * A coach's public page, `/coaches/:userId`. Parts from other features (the reviews) come in
 * through `slots`, filled by the route in app/.
 */
export const CoachProfilePage = ({ slots = {} }: { slots?: CoachProfileSlots }) => {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const coach = useCoach(userId);
  const viewer = useCurrentUser();

  if (coach.isPending) return <LoadingScreen />;
  if (coach.isError) {
    return <CoachLoadError query={coach} failedHeading={t('coaches.profile.loadFailed')} />;
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
          {slots.renderReport?.(profile)}
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
      {slots.renderPackages?.(profile)}
      {slots.renderReviews?.(profile, viewer?._id === profile._id)}
    </article>
  );
};
