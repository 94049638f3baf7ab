import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import type { IconName } from '@/components/ui/icon';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';
import type { TranslationKey } from '@/lib/i18n/translation-key';

import './landing-page.css';

const FEATURES: readonly { icon: IconName; titleKey: TranslationKey; textKey: TranslationKey }[] = [
  { icon: 'search', titleKey: 'landing.findTitle', textKey: 'landing.findText' },
  { icon: 'calendar', titleKey: 'landing.bookTitle', textKey: 'landing.bookText' },
  { icon: 'chat', titleKey: 'landing.chatTitle', textKey: 'landing.chatText' },
];

export const LandingPage = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();

  return (
    <div className="landing">
      <PageTitle title={t('app.tagline')} />
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title" className="hero__title">
          {t('landing.title')}
        </h1>
        <p className="hero__lead">{t('landing.lead')}</p>
        <div className="hero__actions">
          {user ? (
            <Link className={buttonClassName('primary')} to={paths.app.dashboard.getHref()}>
              {t('landing.ctaDashboard')}
            </Link>
          ) : (
            <>
              <Link className={buttonClassName('primary')} to={paths.auth.register.getHref()}>
                {t('landing.ctaRegister')}
              </Link>
              <Link className={buttonClassName('secondary')} to={paths.auth.login.getHref()}>
                {t('landing.ctaLogin')}
              </Link>
            </>
          )}
        </div>
      </section>

      <section className="landing__features" aria-labelledby="features-title">
        <h2 id="features-title">{t('landing.featuresHeading')}</h2>
        <ul className="card-grid">
          {FEATURES.map(({ icon, titleKey, textKey }) => (
            <li key={titleKey} className="card">
              <span className="card__icon">
                <Icon name={icon} />
              </span>
              <h3 className="card__title">{t(titleKey)}</h3>
              <p className="card__text">{t(textKey)}</p>
            </li>
          ))}
        </ul>
      </section>

      {!user && (
        <section className="landing__coaches panel" aria-labelledby="coaches-title">
          <h2 id="coaches-title">{t('landing.coachesHeading')}</h2>
          <p>{t('landing.coachesText')}</p>
          <Link className={buttonClassName('secondary')} to={paths.auth.register.getHref()}>
            {t('landing.coachesCta')}
          </Link>
        </section>
      )}
    </div>
  );
};
