import type { CoachDTO } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';

/** What only the coach sees about their own profile: why clients may not find it (yet). */
export const VerificationNotice = ({ coach }: { coach: CoachDTO }) => {
  const { t } = useTranslation();
  const { status, reason } = coach.verification;
  const notices = [
    status === 'pending' && t('coaches.verification.pending'),
    status === 'rejected' && t('coaches.verification.rejected', { reason: reason ?? '' }),
    !coach.listed && t('coaches.verification.unlisted'),
  ].filter((notice): notice is string => Boolean(notice));
  if (notices.length === 0) return null;

  return (
    <div
      className={`notice notice--${status}`}
      role="status"
      data-testid="verification-notice"
      data-status={status}
    >
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
    </div>
  );
};
