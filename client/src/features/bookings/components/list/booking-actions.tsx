import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { notify } from '@/components/notifications/notifications-store';
import { Button, buttonClassName } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { paths } from '@/config/paths';
import { toApiError } from '@/lib/api-error';

import { useTransitionBooking } from '../../api/transition-booking';
import type { TransitionAction } from '../../api/transition-booking';
import { IcsDownloadButton } from './ics-download-button';
import { ReasonPanel } from './reason-panel';
import { ReschedulePanel } from './reschedule-panel';

type Panel = 'cancel' | 'decline' | 'reschedule';

/** Actions done with one click; the others open a panel that asks first. */
const DIRECT_ACTIONS = [
  'confirm',
  'approve_reschedule',
  'decline_reschedule',
  'complete',
  'no_show',
] as const satisfies TransitionAction[];

/**
 * The buttons for what the viewer may do next, as the server lists it in `allowedActions`,
 * plus the calendar file of a confirmed booking and the booking's conversation.
 */
export const BookingActions = ({ booking, role }: { booking: BookingDTO; role: BookingParty }) => {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel | null>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const transition = useTransitionBooking(role);
  const allowed = new Set(booking.allowedActions);

  const run = (action: (typeof DIRECT_ACTIONS)[number]) =>
    transition.mutate(
      { bookingId: booking._id, action },
      { onError: (error) => notify('error', `errors.${toApiError(error).code}`) },
    );

  const closePanel = () => {
    setPanel(null);
    // Back to where the user was, rather than to the top of the page.
    requestAnimationFrame(() => actionsRef.current?.querySelector('button')?.focus());
  };

  const open = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const showIcs = booking.status === 'confirmed';

  return (
    <>
      <div
        ref={actionsRef}
        className="booking-actions"
        role="group"
        aria-label={t('bookings.actions.label')}
      >
        {DIRECT_ACTIONS.filter((action) => allowed.has(action)).map((action) => (
          <Button
            key={action}
            variant={
              action === 'confirm' || action === 'approve_reschedule' ? 'primary' : 'secondary'
            }
            onClick={() => run(action)}
            isBusy={transition.isPending && transition.variables.action === action}
            disabled={transition.isPending}
            data-action={action}
          >
            {t(`bookings.actions.${action}`)}
          </Button>
        ))}
        {(['decline', 'reschedule', 'cancel'] as const)
          .filter((action) => allowed.has(action))
          .map((action) => (
            <Button
              key={action}
              variant="secondary"
              aria-expanded={panel === action}
              onClick={() => open(action)}
              data-action={action}
            >
              {t(`bookings.actions.${action}`)}
            </Button>
          ))}
        {showIcs && <IcsDownloadButton bookingId={booking._id} />}
        <Link
          className={buttonClassName('secondary')}
          to={paths.app.messages.bookingHref(booking._id)}
          data-action="message"
        >
          <Icon name="chat" />
          {t('bookings.actions.message')}
        </Link>
      </div>
      {(panel === 'cancel' || panel === 'decline') && (
        <ReasonPanel booking={booking} role={role} action={panel} onClose={closePanel} />
      )}
      {panel === 'reschedule' && (
        <ReschedulePanel booking={booking} role={role} onClose={closePanel} />
      )}
    </>
  );
};
