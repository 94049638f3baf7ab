import type { BookingStatus } from '@coachhub/shared/scheduling';
import { useTranslation } from 'react-i18next';

import './status-badge.css';

export const BookingStatusBadge = ({ status }: { status: BookingStatus }) => {
  const { t } = useTranslation();
  return (
    <span
      className={`status-badge status-badge--${status}`}
      data-testid="booking-status"
      data-status={status}
    >
      {t(`bookings.status.${status}`)}
    </span>
  );
};
