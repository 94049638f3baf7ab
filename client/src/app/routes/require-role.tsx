import type { Role } from '@coachhub/shared/roles';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';

import { PageTitle } from '@/components/ui/page-title';
import { useCurrentUser } from '@/lib/auth/session';

/** Inside `RequireAuth`: pages for some roles only. Others get an explanation, not a blank. */
export const RequireRole = ({ roles }: { roles: readonly Role[] }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user && roles.includes(user.role)) return <Outlet />;

  return (
    <div className="message-page" data-testid="forbidden">
      <PageTitle title={t('forbidden.title')} />
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </div>
  );
};
