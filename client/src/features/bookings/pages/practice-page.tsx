import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { isFullAvailability, useAvailability } from '../api/get-availability';
import { AvailabilityForm } from '../components/availability/availability-form';
import { BookingsBrowser } from '../components/list/bookings-browser';
import { PricingSection } from '../components/pricing/pricing-section';
import { SessionTypesManager } from '../components/session-types/session-types-manager';
import './booking-pages.css';

export const PRACTICE_SECTIONS = ['bookings', 'availability', 'session-types', 'pricing'] as const;
export type PracticeSection = (typeof PRACTICE_SECTIONS)[number];

const SECTION_KEYS = {
  bookings: 'practice.sections.bookings',
  availability: 'practice.sections.availability',
  'session-types': 'practice.sections.sessionTypes',
  pricing: 'practice.sections.pricing',
} as const satisfies Record<PracticeSection, string>;

const readSection = (value: string | null): PracticeSection =>
  PRACTICE_SECTIONS.find((section) => section === value) ?? 'bookings';

const AvailabilitySection = ({ userId }: { userId: string }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const availability = useAvailability(userId);
  if (availability.isPending) return <p role="status">{t('practice.loading')}</p>;
  if (availability.isError || !isFullAvailability(availability.data)) {
    return (
      <div role="alert">
        <p>{errorMessage(availability.error ?? new Error('Incomplete availability'))}</p>
        <Button variant="secondary" onClick={() => void availability.refetch()}>
          {t('booking.retry')}
        </Button>
      </div>
    );
  }
  return <AvailabilityForm userId={userId} availability={availability.data} />;
};

/**
 * `/practice`: the coach's bookings, hours, session types and prices, one section at a time
 * (`?section=`); the profile has its own page.
 */
export const PracticePage = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const section = readSection(params.get('section'));
  if (!user) return null;

  const headingId = `practice-${section}-heading`;
  return (
    <div className="practice-page">
      <PageTitle title={`${t(SECTION_KEYS[section])} · ${t('practice.title')}`} />
      <header className="page-header">
        <h1>{t('practice.title')}</h1>
        <p className="page-header__lead">
          {t('practice.lead')}{' '}
          <Link to={paths.app.practiceProfile.getHref()}>{t('practice.profileLink')}</Link>
        </p>
      </header>
      <nav aria-label={t('practice.sections.label')}>
        <ul className="section-nav">
          {PRACTICE_SECTIONS.map((candidate) => (
            <li key={candidate}>
              <Link
                to={paths.app.practice.getHref(candidate === 'bookings' ? undefined : candidate)}
                aria-current={candidate === section ? 'page' : undefined}
              >
                {t(SECTION_KEYS[candidate])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="panel practice-page__section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t(SECTION_KEYS[section])}</h2>
        {section === 'bookings' && <BookingsBrowser defaultRole="coach" />}
        {section === 'availability' && <AvailabilitySection userId={user._id} />}
        {section === 'session-types' && <SessionTypesManager coachId={user._id} />}
        {section === 'pricing' && <PricingSection userId={user._id} />}
      </section>
    </div>
  );
};
