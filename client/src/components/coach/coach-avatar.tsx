import type { CoachDTO } from '@coachhub/shared/coach';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { avatarTone, initialsOf } from './avatar-initials';
import './coach-avatar.css';

export type CoachAvatarSize = 'sm' | 'md' | 'lg' | 'xl';

type AvatarCoach = Pick<
  CoachDTO,
  'firstName' | 'lastName' | 'profilePicture' | 'coachProfilePicture'
>;

interface CoachAvatarProps {
  coach: AvatarCoach;
  size?: CoachAvatarSize;
  /** Next to the coach's visible name the picture adds nothing for screen readers: hide it. */
  decorative?: boolean;
  className?: string;
}

/**
 * The one place that decides which picture stands for a coach (architecture.md, "The canonical
 * Coach DTO"): the coach picture, else the account picture, else initials on a colour derived
 * from the name. A picture that fails to load falls through to the next choice.
 */
export const CoachAvatar = ({
  coach,
  size = 'md',
  decorative = false,
  className,
}: CoachAvatarProps) => {
  const { t } = useTranslation();
  const [failedUrls, setFailedUrls] = useState<readonly string[]>([]);
  const name = `${coach.firstName} ${coach.lastName}`.trim();
  const label = t('avatar.alt', { name });
  const classes = ['coach-avatar', `coach-avatar--${size}`, className].filter(Boolean).join(' ');

  const url = [coach.coachProfilePicture?.url, coach.profilePicture?.url].find(
    (candidate): candidate is string => Boolean(candidate) && !failedUrls.includes(candidate ?? ''),
  );

  if (url) {
    return (
      <img
        className={classes}
        src={url}
        alt={decorative ? '' : label}
        loading="lazy"
        decoding="async"
        onError={() => setFailedUrls((failed) => [...failed, url])}
        data-testid="coach-avatar"
        data-kind="picture"
      />
    );
  }

  return (
    <span
      className={classes}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative || undefined}
      data-testid="coach-avatar"
      data-kind="initials"
      data-tone={avatarTone(name)}
    >
      {initialsOf(coach.firstName, coach.lastName)}
    </span>
  );
};
