import type { CoachDTO } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';

/**
 * Booking and messaging for everyone who may do them (visitors are asked to log in on the way);
 * the coach gets a way to edit instead, and admins, who neither book nor chat, get neither.
 */
export const CoachProfileActions = ({ coach }: { coach: CoachDTO }) => {
  const { t } = useTranslation();
  const viewer = useCurrentUser();

  if (viewer?._id === coach._id) {
    return (
      <div className="coach-profile__actions">
        <Link className={buttonClassName('secondary')} to={paths.app.practiceProfile.getHref()}>
          {t('coaches.profile.edit')}
        </Link>
      </div>
    );
  }
  if (viewer?.role === 'admin') return null;

  return (
    <div className="coach-profile__actions">
      <Link
        className={buttonClassName('primary')}
        to={paths.app.coachBooking.getHref(coach._id)}
        data-testid="book-session"
      >
        <Icon name="calendar" />
        {t('coaches.profile.book')}
      </Link>
      <Link
        className={buttonClassName('secondary')}
        to={paths.app.messages.getHref(coach._id)}
        data-testid="message-coach"
      >
        <Icon name="chat" />
        {t('coaches.profile.message')}
      </Link>
    </div>
  );
};
