import { TimeZoneNotice } from '@/features/account/components/time-zone-notice';
import { UpcomingSessions } from '@/features/bookings/components/upcoming/upcoming-sessions';
import { DashboardPage } from '@/features/dashboard/pages/dashboard-page';

/**
 * `/dashboard` composes three features that never import each other: the dashboard itself, the
 * account's offer to switch to this device's time zone, and the bookings' upcoming sessions.
 */
export const DashboardRoute = () => (
  <DashboardPage
    notice={<TimeZoneNotice />}
    renderSessions={(as) => <UpcomingSessions role={as} />}
  />
);
