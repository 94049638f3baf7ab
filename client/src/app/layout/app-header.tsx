import { useState } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';

import { paths } from '@/config/paths';
import { LanguageSwitch } from '@/features/account/components/language-switch';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { useSession } from '@/lib/auth/session';

import { NAV_ITEMS } from './nav-items';
import { UserActions } from './user-actions';

const PANEL_ID = 'header-panel';

export const AppHeader = () => {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data ?? null;
  // Until the session is restored, showing "Log in" to a signed-in user would be a lie.
  const navItems = session.isPending ? [] : NAV_ITEMS[user?.role ?? 'visitor'];
  // Only small screens fold the menu; wide ones always show it (see layout.css).
  const [menuOpen, setMenuOpen] = useState(false);

  // Following any link inside the folded menu closes it again.
  const closeOnLink = (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false);
  };

  return (
    <header className="app-header">
      <div className="app-header__inner container">
        <Link className="brand" to={paths.home.getHref()}>
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          {t('app.name')}
        </Link>
        {user && (
          // Outside the folding panel, so small screens show it next to the menu button.
          <div className="app-header__bell">
            <NotificationBell />
          </div>
        )}
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls={PANEL_ID}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-toggle__icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div id={PANEL_ID} className="app-header__panel" data-open={menuOpen} onClick={closeOnLink}>
          <nav className="primary-nav" aria-label={t('nav.label')}>
            <ul className="primary-nav__list">
              {navItems.map(({ href, labelKey, end }) => (
                <li key={href}>
                  <NavLink className="primary-nav__link" to={href} end={end}>
                    {t(labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__actions">
            <LanguageSwitch />
            {!session.isPending && <UserActions user={user} />}
          </div>
        </div>
      </div>
    </header>
  );
};
