import type { Role } from '@coachhub/shared/roles';

import { paths } from '@/config/paths';
import type { TranslationKey } from '@/lib/i18n/translation-key';

export interface NavItem {
  href: string;
  labelKey: TranslationKey;
  /** Active on this exact path only, not on the pages below it (which have items of their own). */
  end?: boolean;
}

const dashboard: NavItem = { href: paths.app.dashboard.getHref(), labelKey: 'nav.dashboard' };
const findCoach: NavItem = { href: paths.app.coaches.getHref(), labelKey: 'nav.findCoach' };
const bookings: NavItem = { href: paths.app.bookings.getHref(), labelKey: 'nav.bookings' };
const messages: NavItem = { href: paths.app.messages.getHref(), labelKey: 'nav.messages' };
const practice: NavItem = {
  href: paths.app.practice.getHref(),
  labelKey: 'nav.practice',
  end: true,
};
const coachFigures: NavItem = {
  href: paths.app.practiceOverview.getHref(),
  labelKey: 'nav.figures',
};
const coachProfile: NavItem = {
  href: paths.app.practiceProfile.getHref(),
  labelKey: 'nav.myProfile',
};
/** Every admin section sits below `/admin`, with its own sub-navigation. */
const admin: NavItem = { href: paths.app.admin.getHref(), labelKey: 'nav.admin' };

/** The main navigation per role; visitors (null) see the public directory only. */
export const NAV_ITEMS: Record<Role | 'visitor', readonly NavItem[]> = {
  visitor: [findCoach],
  // Packages and credits are reached from My bookings: a fifth item would wrap the header on a
  // laptop-wide screen.
  client: [dashboard, findCoach, bookings, messages],
  coach: [dashboard, practice, coachFigures, coachProfile, bookings, messages],
  admin: [dashboard, admin, findCoach],
};
