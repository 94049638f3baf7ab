import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';

import { paths } from '@/config/paths';
import type { TranslationKey } from '@/lib/i18n/translation-key';

import './admin-layout.css';

const SECTIONS: readonly { href: string; labelKey: TranslationKey; end?: boolean }[] = [
  { href: paths.app.admin.getHref(), labelKey: 'admin.area.nav.overview', end: true },
  { href: paths.app.adminUsers.getHref(), labelKey: 'admin.area.nav.users' },
  { href: paths.app.adminCoaches.getHref(), labelKey: 'admin.area.nav.coaches' },
  { href: paths.app.adminReports.getHref(), labelKey: 'admin.area.nav.reports' },
  { href: paths.app.adminReviews.getHref(), labelKey: 'admin.area.nav.reviews' },
  { href: paths.app.adminBookings.getHref(), labelKey: 'admin.area.nav.bookings' },
  { href: paths.app.adminAuditLog.getHref(), labelKey: 'admin.area.nav.auditLog' },
];

/** `/admin/*`: the administration's sections, one page each below the sub-navigation. */
export const AdminLayout = () => {
  const { t } = useTranslation();
  return (
    <div className="admin-area">
      <nav aria-label={t('admin.area.nav.label')}>
        <ul className="admin-area__nav">
          {SECTIONS.map(({ href, labelKey, end }) => (
            <li key={href}>
              <NavLink to={href} end={end ?? false}>
                {t(labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
};
