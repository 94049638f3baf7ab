import type { Role } from '@coachhub/shared/roles';

import { paths } from '@/config/paths';
import type { TranslationKey } from '@/lib/i18n/translation-key';

export interface NavItem {
  href: string;
  labelKey: TranslationKey;
}

const dashboard: NavItem = { href: paths.app.dashboard.getHref(), labelKey: 'nav.dashboard' };
const findCoach: NavItem = { href: paths.app.coaches.getHref(), labelKey: 'nav.findCoach' };
const bookings: NavItem = { href: paths.app.bookings.getHref(), labelKey: 'nav.bookings' };
const messages: NavItem = { href: paths.app.messages.getHref(), labelKey: 'nav.messages' };
const practice: NavItem = { href: paths.app.practice.getHref(), labelKey: 'nav.practice' };
const admin: NavItem = { href: paths.app.admin.getHref(), labelKey: 'nav.admin' };

/** The main navigation per role; visitors (null) see the public directory only. */
export const NAV_ITEMS: Record<Role | 'visitor', readonly NavItem[]> = {
  visitor: [findCoach],
  client: [dashboard, findCoach, bookings, messages],
  coach: [dashboard, practice, bookings, messages],
  admin: [dashboard, admin, findCoach],
};
