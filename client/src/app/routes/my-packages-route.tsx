import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { paths } from '@/config/paths';
import { useCoach } from '@/features/coaches/api/get-coach';
import { MyPackagesPage } from '@/features/packages/pages/my-packages-page';

/** A coach's name linking to their profile; a profile seen before comes from the cache. */
const CoachName = ({ coachId }: { coachId: string }) => {
  const { t } = useTranslation();
  const coach = useCoach(coachId);
  const name = coach.data
    ? `${coach.data.firstName} ${coach.data.lastName}`
    : t('packages.mine.someCoach');
  return <Link to={paths.app.coach.getHref(coachId)}>{name}</Link>;
};

/**
 * `/packages` composes the client's credits and purchases (packages) with the coaches' names
 * (coaches), which never import each other.
 */
export const MyPackagesRoute = () => (
  <MyPackagesPage renderCoach={(coachId) => <CoachName coachId={coachId} />} />
);
