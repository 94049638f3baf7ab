import type { NotificationType } from '@coachhub/shared/notification';
import type { EventBus } from '../../core/events/event-bus.js';
import { wantsEmail } from '../notifications/notification-preferences.js';
import { findUserById } from '../users/user-accounts.js';
import { renderEmail } from './email-layout.js';
import type { Mailer, OutgoingMail } from './mailer.js';
import { notificationEmailText } from './notification-email-text.js';

/** The booking as an .ics file for this participant, or null (answered by bookings, injected). */
export type BookingCalendar = (userId: string, bookingId: string) => Promise<string | null>;

const WITH_CALENDAR: ReadonlySet<NotificationType> = new Set([
  'booking.requested',
  'booking.booked',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.rescheduled',
]);

/**
 * Each stored notification also goes out by e-mail unless the recipient switched that type off:
 * in their language, times in their zone, with the booking's updated .ics attached (same UID,
 * higher SEQUENCE, so calendars update the event in place).
 */
export function emailNotifications(deps: {
  events: EventBus;
  mailer: Mailer;
  publicUrl: string;
  bookingCalendar: BookingCalendar;
}): () => void {
  return deps.events.subscribe('notification.created', 'e-mail', async (created) => {
    const { userId, type, params } = created;
    if (!(await wantsEmail(userId, type))) return;
    const reader = await findUserById(userId);
    if (!reader || reader.status !== 'active') return;
    const words = notificationEmailText(type, params, reader);
    const { html, text } = await renderEmail({
      locale: reader.locale,
      heading: words.subject,
      paragraphs: words.paragraphs,
      action: { label: words.action, url: `${deps.publicUrl}${created.link ?? '/'}` },
      footer: words.footer,
    });
    const mail: OutgoingMail = { to: reader.email, subject: words.subject, text, html };
    const bookingId = params.bookingId;
    if (WITH_CALENDAR.has(type) && typeof bookingId === 'string') {
      const calendar = await deps.bookingCalendar(userId, bookingId);
      if (calendar) {
        mail.attachments = [
          { filename: 'coachhub-booking.ics', content: calendar, contentType: 'text/calendar' },
        ];
      }
    }
    await deps.mailer.send(mail);
  });
}
