import type { CoachDTO } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { Icon } from '@/components/ui/icon';
import { paths } from '@/config/paths';

import { CoachPrice } from './coach-price';
import { CoachRating } from './coach-rating';
import { LanguageList } from './language-list';
import { SpecialtyTags } from './specialty-tags';

const SPECIALTIES_ON_CARD = 3;

/** One directory result; the name links to the profile and stretches over the whole card. */
export const CoachCard = ({ coach }: { coach: CoachDTO }) => {
  const { t } = useTranslation();
  const name = `${coach.firstName} ${coach.lastName}`;
  return (
    <article className="card coach-card" data-testid="coach-card">
      <div className="coach-card__head">
        <CoachAvatar coach={coach} size="lg" decorative />
        <div className="coach-card__identity">
          <h3 className="card__title">
            <Link className="card__link" to={paths.app.coach.getHref(coach._id)}>
              {name}
            </Link>
          </h3>
          <CoachRating rating={coach.rating} />
        </div>
      </div>
      <p className="card__text coach-card__headline">{coach.headline}</p>
      <SpecialtyTags
        specialties={coach.specialties}
        limit={SPECIALTIES_ON_CARD}
        label={t('coaches.profile.specialties')}
      />
      <div className="coach-card__foot">
        <span className="coach-card__languages">
          <Icon name="globe" />
          <span className="visually-hidden">{t('coaches.profile.languages')}: </span>
          <LanguageList languages={coach.languages} />
        </span>
        <CoachPrice priceFrom={coach.priceFrom} />
      </div>
    </article>
  );
};
