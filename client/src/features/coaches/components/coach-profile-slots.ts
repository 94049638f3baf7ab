import type { CoachProfileDTO } from '@coachhub/shared/booking';
import type { ReactNode } from 'react';

/**
 * Parts of the coach profile page that belong to other features. Features never import each
 * other, so the route in app/ fills these in (app/routes/coach-profile-route.tsx).
 */
export interface CoachProfileSlots {
  /** Below the profile; `viewerIsCoach`: the coach looks at their own page. */
  renderReviews?: (coach: CoachProfileDTO, viewerIsCoach: boolean) => ReactNode;
  /** Between the profile and the reviews: the packages the coach sells. */
  renderPackages?: (coach: CoachProfileDTO) => ReactNode;
  /** Under the coach's actions: reporting the profile. */
  renderReport?: (coach: CoachProfileDTO) => ReactNode;
}
