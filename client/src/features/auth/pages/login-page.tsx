import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';

import { AuthCard } from '../components/auth-card';
import { useRedirectTarget } from '../components/use-redirect-target';
import { LoginForm } from '../components/login-form';

export const LoginPage = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const redirectTo = useRedirectTarget();

  // Covers both a successful login and a signed-in user opening /login.
  if (user) return <Navigate to={redirectTo ?? paths.app.dashboard.getHref()} replace />;

  return (
    <>
      <PageTitle title={t('auth.login.title')} />
      <AuthCard
        title={t('auth.login.title')}
        subtitle={t('auth.login.subtitle')}
        footer={
          <p>
            {t('auth.login.noAccount')}{' '}
            <Link to={paths.auth.register.getHref(redirectTo)}>{t('auth.login.registerLink')}</Link>
          </p>
        }
      >
        <LoginForm />
      </AuthCard>
    </>
  );
};
