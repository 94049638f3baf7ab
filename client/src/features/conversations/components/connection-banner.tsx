import { useTranslation } from 'react-i18next';

import { useSocketStatus } from '@/lib/use-socket-status';

/** Says when live updates are paused; once connected again the pane catches up on its own. */
export const ConnectionBanner = () => {
  const { t } = useTranslation();
  const status = useSocketStatus();
  return (
    <div role="status" className="connection-banner-region">
      {status !== 'connected' && (
        <p className="connection-banner" data-testid="connection-banner" data-status={status}>
          {t(`conversations.connection.${status}`)}
        </p>
      )}
    </div>
  );
};
