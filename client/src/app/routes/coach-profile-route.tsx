import type { ReviewDTO } from '@coachhub/shared/review';
import { useTranslation } from 'react-i18next';

import type { CoachProfileSlots } from '@/features/coaches/components/coach-profile-slots';
import { CoachProfilePage } from '@/features/coaches/pages/coach-profile-page';
import { CoachPackagesSection } from '@/features/packages/components/coach-packages-section';
import { ReportAction } from '@/features/reports/components/report-action';
import { CoachReviewsSection } from '@/features/reviews/components/coach-reviews-section';

/** "Report" on a review, named by its author as the review shows them. */
const ReportReview = ({ review }: { review: ReviewDTO }) => {
  const { t } = useTranslation();
  return (
    <ReportAction
      targetType="review"
      targetId={review._id}
      ownerId={review.reviewer._id}
      name={review.reviewer.displayName || t('reviews.someone')}
    />
  );
};

/**
 * `/coaches/:userId` composes the coach's profile (coaches) with the packages they sell
 * (packages), their reviews (reviews) and reporting either (reports), which never import each
 * other. On their own page a coach can reply to reviews.
 */
const slots: CoachProfileSlots = {
  renderPackages: (coach) => <CoachPackagesSection coach={coach} />,
  renderReviews: (coach, viewerIsCoach) => (
    <CoachReviewsSection
      coachId={coach._id}
      coachName={`${coach.firstName} ${coach.lastName}`}
      viewerIsCoach={viewerIsCoach}
      renderReviewActions={(review) => <ReportReview review={review} />}
    />
  ),
  renderReport: (coach) => (
    <ReportAction
      targetType="coach"
      targetId={coach._id}
      ownerId={coach._id}
      name={`${coach.firstName} ${coach.lastName}`}
    />
  ),
};

export const CoachProfileRoute = () => <CoachProfilePage slots={slots} />;
