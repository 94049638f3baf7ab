import type { CoachSpecialty } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { paths } from '@/config/paths';

interface SpecialtyTagsProps {
  specialties: readonly CoachSpecialty[];
  /** Show only the first few (cards); the rest is summed up as "+2". */
  limit?: number;
  /** Each tag opens the directory filtered by it (profile page). */
  linked?: boolean;
  label: string;
}

export const SpecialtyTags = ({
  specialties,
  limit,
  linked = false,
  label,
}: SpecialtyTagsProps) => {
  const { t } = useTranslation();
  const shown = limit === undefined ? specialties : specialties.slice(0, limit);
  const hidden = specialties.length - shown.length;
  return (
    <ul className="tag-list" aria-label={label}>
      {shown.map((specialty) => (
        <li key={specialty} className="tag">
          {linked ? (
            <Link to={paths.app.coaches.getHref({ specialty })}>
              {t(`specialties.${specialty}`)}
            </Link>
          ) : (
            t(`specialties.${specialty}`)
          )}
        </li>
      ))}
      {hidden > 0 && <li className="tag tag--more">+{hidden}</li>}
    </ul>
  );
};
