import type { CoachProfileSlots } from '@/features/coaches/components/coach-profile-slots';
import { CoachProfilePage } from '@/features/coaches/pages/coach-profile-page';
import { CoachReviewsSection } from '@/features/reviews/components/coach-reviews-section';

/**
 * `/coaches/:userId` composes the coach's profile (coaches) with their reviews (reviews), which
 * never import each other. On their own page a coach can reply to reviews.
 */
const slots: CoachProfileSlots = {
  renderReviews: (coach, viewerIsCoach) => (
    <CoachReviewsSection
      coachId={coach._id}
      coachName={`${coach.firstName} ${coach.lastName}`}
      viewerIsCoach={viewerIsCoach}
    />
  ),
};

export const CoachProfileRoute = () => <CoachProfilePage slots={slots} />;
