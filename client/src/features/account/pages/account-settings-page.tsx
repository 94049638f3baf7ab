import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { useCurrentUser } from '@/lib/auth/session';

import { CoachSection } from '../components/coach-section';
import { NotificationPreferencesSection } from '../components/notification-preferences-section';
import { PasswordForm } from '../components/password-form';
import { ProfileForm } from '../components/profile-form';
import { SecuritySection } from '../components/security-section';
import './account-settings-page.css';

export const AccountSettingsPage = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // The route guard renders this page only with a user; null is the instant of a logout.
  if (!user) return null;

  return (
    <div className="account-page">
      <PageTitle title={t('account.title')} />
      <header className="page-header">
        <h1>{t('account.title')}</h1>
        <p className="page-header__lead">{t('account.signedInAs', { email: user.email })}</p>
      </header>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('account.profileHeading')}</h2>
        <ProfileForm key={user.updatedAt} user={user} />
      </section>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.passwordHeading')}</h2>
        <p className="panel__intro">{t('account.passwordIntro')}</p>
        <PasswordForm />
      </section>
      <SecuritySection user={user} />
      <NotificationPreferencesSection user={user} />
      <CoachSection user={user} />
    </div>
  );
};
