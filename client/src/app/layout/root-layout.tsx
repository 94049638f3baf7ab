import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router-dom';

import { Notifications } from '@/components/notifications/notifications';
import { Button } from '@/components/ui/button';
import { HydrateLater } from '@/components/ui/hydrate-later';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { useReportUpdates } from '@/features/admin/api/use-report-updates';
import { useVerificationUpdates } from '@/features/admin/api/use-verification-updates';
import { useBookingUpdates } from '@/features/bookings/api/use-booking-updates';
import { useCoachUpdates } from '@/features/coaches/api/use-coach-updates';
import { useConversationUpdates } from '@/features/conversations/api/use-conversation-updates';
import { useLiveNotifications } from '@/features/notifications/components/use-live-notifications';
import { usePresenceUpdates } from '@/features/presence/api/use-presence-updates';
import { useSession } from '@/lib/auth/session';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useLocaleSync } from '../session/use-locale-sync';
import { useSessionEndedRedirect } from '../session/use-session-ended-redirect';
import { useTwoFactorSetupGuide } from '../session/use-two-factor-setup-guide';
import { AppHeader } from './app-header';
import { RouteProgress } from './route-progress';
import { useFocusMainOnNavigation } from './use-focus-main-on-navigation';
import './layout.css';

/** Pages render only once it is known whether someone is signed in, so guards never guess. */
const SessionGate = () => {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useErrorMessage();

  if (session.isPending) return <LoadingScreen />;
  if (session.isError) {
    return (
      <div className="message-page" role="alert">
        <p>{errorMessage(session.error)}</p>
        <Button onClick={() => void session.refetch()}>{t('app.reload')}</Button>
      </div>
    );
  }
  return <Outlet />;
};

export const RootLayout = () => {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(mainRef);
  useSessionEndedRedirect();
  useTwoFactorSetupGuide();
  useLocaleSync();
  usePresenceUpdates();
  useCoachUpdates();
  useBookingUpdates();
  useConversationUpdates();
  useLiveNotifications();
  useVerificationUpdates();
  useReportUpdates();

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <RouteProgress />
      <AppHeader />
      <main ref={mainRef} id="main" className="app-main container" tabIndex={-1}>
        <HydrateLater>
          <SessionGate />
        </HydrateLater>
      </main>
      <footer className="app-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
      <Notifications />
      <ScrollRestoration />
    </div>
  );
};
