import type { BookingParty } from '@coachhub/shared/scheduling';
import type { BookingEventBooking } from '../../core/events/domain-events.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { JobScheduler } from '../../core/jobs/job-scheduler.js';
import { dueReminders } from '../../domain/reminders.js';
import { bookingNotification } from '../notifications/notification-subscribers.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { findBookingSummary } from '../scheduling/bookings/booking-lookup.js';

const JOB = 'booking reminder';
const PARTIES: readonly BookingParty[] = ['client', 'coach'];

/**
 * Reminders a day and an hour (REMINDER_LEAD_MINUTES) before every confirmed session, in-app and
 * by e-mail (which follows each notification), for both participants. They are jobs in MongoDB,
 * so they survive restarts and run once however many server processes there are; a reschedule
 * moves them, a cancellation, decline, completion or no-show removes them.
 */
export function remindOfBookings(deps: {
  events: EventBus;
  jobs: JobScheduler;
  notifications: NotificationsService;
  leadMinutes: readonly number[];
}): () => void {
  const { events, jobs, notifications } = deps;

  jobs.define(JOB, async ({ bookingId, leadMinutes, start }) => {
    const booking = await findBookingSummary(bookingId);
    // Only for the session as it was planned: a moved or ended one has its own jobs, or none.
    if (booking?.status !== 'confirmed' || booking.start.toISOString() !== start) return;
    for (const to of PARTIES) {
      await notifications.notify(
        await bookingNotification(booking, to, 'booking.reminder', { leadMinutes }),
      );
    }
  });

  async function plan(booking: BookingEventBooking): Promise<void> {
    const { bookingId } = booking;
    await jobs.cancel(JOB, { bookingId });
    if (booking.status !== 'confirmed') return;
    for (const reminder of dueReminders(booking.start, new Date(), deps.leadMinutes)) {
      const { leadMinutes } = reminder;
      await jobs.schedule(
        JOB,
        { bookingId, leadMinutes, start: booking.start.toISOString() },
        reminder.at,
        { bookingId, leadMinutes },
      );
    }
  }
  const forget = async (booking: BookingEventBooking) => {
    await jobs.cancel(JOB, { bookingId: booking.bookingId });
  };

  const name = 'reminders';
  const unsubscribes = [
    events.subscribe('booking.created', name, ({ booking }) => plan(booking)),
    events.subscribe('booking.confirmed', name, ({ booking }) => plan(booking)),
    events.subscribe('booking.rescheduled', name, ({ booking }) => plan(booking)),
    ...(
      ['booking.declined', 'booking.cancelled', 'booking.completed', 'booking.no_show'] as const
    ).map((event) => events.subscribe(event, name, ({ booking }) => forget(booking))),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
