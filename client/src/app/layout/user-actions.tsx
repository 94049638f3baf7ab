import type { UserDTO } from '@coachhub/shared/user';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router-dom';

import { notify } from '@/components/notifications/notifications-store';
import { Button, buttonClassName } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { OwnPresence } from '@/features/presence/components/own-presence';
import { useLogout } from '@/lib/auth/logout';
import { isLocale, saveAnonymousLocale } from '@/lib/i18n/locale-preference';

const SignedInActions = ({ user }: { user: UserDTO }) => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout({
    onLoggedOut: () => {
      // The visitor left behind keeps reading the language they were just using.
      if (isLocale(i18n.language)) saveAnonymousLocale(i18n.language);
      notify('info', 'session.loggedOut');
      void navigate(paths.home.getHref(), { replace: true });
    },
  });

  return (
    <>
      <span className="current-user" data-testid="current-user">
        <OwnPresence userId={user._id} />
        <span className="current-user__name">{user.firstName}</span>
      </span>
      <NavLink className="header-link" to={paths.app.account.getHref()} data-testid="account-link">
        {t('nav.account')}
      </NavLink>
      <Button
        variant="secondary"
        onClick={() => logout.mutate()}
        isBusy={logout.isPending}
        data-testid="logout-button"
      >
        {t('nav.logout')}
      </Button>
    </>
  );
};

const VisitorActions = () => {
  const { t } = useTranslation();
  return (
    <>
      <Link className="header-link" to={paths.auth.login.getHref()}>
        {t('nav.login')}
      </Link>
      <Link className={buttonClassName('primary')} to={paths.auth.register.getHref()}>
        {t('nav.register')}
      </Link>
    </>
  );
};

export const UserActions = ({ user }: { user: UserDTO | null }) =>
  user ? <SignedInActions user={user} /> : <VisitorActions />;
