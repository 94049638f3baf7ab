import type { UserDTO } from '@coachhub/shared/user';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName } from '@/components/ui/button';
import { paths } from '@/config/paths';

import { useBecomeCoach } from '../api/become-coach';
import { BecomeCoachForm } from './become-coach-form';

/**
 * Clients can become coaches here; coaches find their profile from here. A coach's profile
 * is reviewed before the directory lists it, so a new coach is told so right away.
 */
export const CoachSection = ({ user }: { user: UserDTO }) => {
  const { t } = useTranslation();
  const becomeCoach = useBecomeCoach();
  if (user.role === 'admin') return null;

  if (user.role === 'coach') {
    const justBecame = becomeCoach.data?.coach.verification.status === 'pending';
    return (
      <section
        className="panel"
        aria-labelledby="coach-section-heading"
        data-testid="coach-section"
      >
        <h2 id="coach-section-heading">{t('account.becomeCoach.coachHeading')}</h2>
        {justBecame && (
          <p className="notice notice--pending" role="status" data-testid="coach-pending-notice">
            {t('account.becomeCoach.pending')}
          </p>
        )}
        <p className="panel__intro">{t('account.becomeCoach.coachText')}</p>
        <Link className={buttonClassName('primary')} to={paths.app.practiceProfile.getHref()}>
          {t('account.becomeCoach.editProfile')}
        </Link>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="become-coach-heading" data-testid="coach-section">
      <h2 id="become-coach-heading">{t('account.becomeCoach.heading')}</h2>
      <p className="panel__intro">{t('account.becomeCoach.intro')}</p>
      <BecomeCoachForm user={user} becomeCoach={becomeCoach} />
    </section>
  );
};
