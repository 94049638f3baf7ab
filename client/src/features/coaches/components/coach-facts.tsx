import type { CoachDTO } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';

import { zoneLabel } from '@/lib/time-zones';

import { CoachLocalTime } from './coach-local-time';
import { CoachPrice } from './coach-price';
import { LanguageList } from './language-list';
import { SpecialtyTags } from './specialty-tags';

/** The profile's side panel: the facts a client compares coaches by. */
export const CoachFacts = ({ coach }: { coach: CoachDTO }) => {
  const { t } = useTranslation();
  return (
    <dl className="coach-facts" data-testid="coach-facts">
      <div className="coach-facts__item">
        <dt>{t('coaches.profile.price')}</dt>
        <dd>
          <CoachPrice priceFrom={coach.priceFrom} />
        </dd>
      </div>
      <div className="coach-facts__item">
        <dt>{t('coaches.profile.languages')}</dt>
        <dd data-testid="coach-languages">
          <LanguageList languages={coach.languages} />
        </dd>
      </div>
      <div className="coach-facts__item">
        <dt>{t('coaches.profile.timeZone')}</dt>
        <dd>
          <span data-testid="coach-time-zone">{zoneLabel(coach.timeZone)}</span>
          <span className="coach-facts__note">
            {t('coaches.profile.localTime')}: <CoachLocalTime timeZone={coach.timeZone} />
          </span>
        </dd>
      </div>
      {coach.yearsOfExperience > 0 && (
        <div className="coach-facts__item">
          <dt>{t('coaches.profile.experience')}</dt>
          <dd>{t('coaches.profile.experienceYears', { count: coach.yearsOfExperience })}</dd>
        </div>
      )}
      <div className="coach-facts__item">
        <dt>{t('coaches.profile.specialties')}</dt>
        <dd>
          <SpecialtyTags
            specialties={coach.specialties}
            linked
            label={t('coaches.profile.specialties')}
          />
        </dd>
      </div>
      {coach.certifications.length > 0 && (
        <div className="coach-facts__item">
          <dt>{t('coaches.profile.certifications')}</dt>
          <dd>
            <ul className="coach-facts__list">
              {coach.certifications.map((certification) => (
                <li key={certification}>{certification}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
};
