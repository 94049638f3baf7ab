import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';

import { AuthCard } from '../components/auth-card';
import { useRedirectTarget } from '../components/use-redirect-target';
import { RegisterForm } from '../components/register-form';

export const RegisterPage = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const redirectTo = useRedirectTarget();

  if (user) return <Navigate to={redirectTo ?? paths.app.dashboard.getHref()} replace />;

  return (
    <>
      <PageTitle title={t('auth.register.title')} />
      <AuthCard
        title={t('auth.register.title')}
        subtitle={t('auth.register.subtitle')}
        footer={
          <p>
            {t('auth.register.haveAccount')}{' '}
            <Link to={paths.auth.login.getHref(redirectTo)}>{t('auth.register.loginLink')}</Link>
          </p>
        }
      >
        <RegisterForm />
      </AuthCard>
    </>
  );
};
