import { TimeZoneNotice } from '@/features/account/components/time-zone-notice';
import { DashboardPage } from '@/features/dashboard/pages/dashboard-page';

/**
 * `/dashboard` composes features that never import each other: the dashboard itself and the
 * account's offer to switch to this device's time zone.
 */
export const DashboardRoute = () => <DashboardPage notice={<TimeZoneNotice />} />;
