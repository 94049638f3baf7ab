import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';

import { useDownloadBookingIcs } from '../../api/download-booking-ics';

/** Saves the booking's `.ics` file, to add the session to any calendar app. */
export const IcsDownloadButton = ({ bookingId }: { bookingId: string }) => {
  const { t } = useTranslation();
  const download = useDownloadBookingIcs();
  return (
    <Button
      variant="secondary"
      isBusy={download.isPending}
      busyLabel={t('bookings.actions.downloading')}
      onClick={() =>
        download.mutate(bookingId, { onError: () => notify('error', 'bookings.ics.failed') })
      }
      data-testid="download-ics"
    >
      {t('bookings.actions.ics')}
    </Button>
  );
};
