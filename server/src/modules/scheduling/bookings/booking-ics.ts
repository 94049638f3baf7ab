import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalEventStatus } from 'ical-generator';

const PRODUCT = { company: 'CoachHub', product: 'CoachHub bookings', language: 'EN' };

/** The same UID for every version of a booking's event, so calendars update it in place. */
export const bookingUid = (bookingId: string): string => `booking-${bookingId}@coachhub`;

/** The participants' own addresses: each file goes only to them (their download, their mail). */
export interface CalendarAddresses {
  coach: string;
  client: string;
}

// Control characters have no place in an iCalendar value (RFC 5545 TSAFE-CHAR / QSAFE-CHAR);
// tabs stay, line breaks are escaped by the writer.
const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f;
};
const calendarText = (text: string): string =>
  Array.from(text)
    .filter((char) => !isControl(char))
    .join('');

/**
 * A name for a quoted parameter (CN): DQUOTE and line breaks cannot appear there, so they are
 * written as RFC 6868 says (`^'`, `^n`, `^^` for the caret), which calendar readers turn back.
 */
const parameterText = (text: string): string =>
  calendarText(text)
    .replaceAll('^', '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replaceAll('"', "^'");

function eventStatus(status: BookingStatus): ICalEventStatus {
  switch (status) {
    case 'pending':
    case 'awaiting_payment':
      return ICalEventStatus.TENTATIVE;
    case 'declined':
    case 'cancelled':
    case 'expired':
      return ICalEventStatus.CANCELLED;
    default:
      return ICalEventStatus.CONFIRMED;
  }
}

/**
 * One VEVENT in UTC from the booking as its reader sees it: stable UID, SEQUENCE = the booking's
 * `icsSequence` (bumped by confirm, reschedule, decline and cancel), STATUS TENTATIVE / CONFIRMED / CANCELLED, the coach as
 * ORGANIZER, the client as ATTENDEE (both with their own addresses), and the meeting link as URL
 * and LOCATION. Text values are escaped by ical-generator (`\\ ; ,` and line breaks).
 */
export function buildBookingCalendar(
  dto: BookingDTO,
  sequence: number,
  addresses: CalendarAddresses,
): string {
  const calendar = ical({ prodId: PRODUCT, name: 'CoachHub' });
  const coachName = calendarText(`${dto.coach.firstName} ${dto.coach.lastName}`);
  const clientName = calendarText(`${dto.client.firstName} ${dto.client.lastName}`);
  const description = [
    `${dto.sessionType.title} (${dto.sessionType.durationMinutes} min) with ${coachName}`,
    dto.meetingUrl
      ? `Join: ${dto.meetingUrl}`
      : 'The meeting link follows once the coach confirms.',
    dto.notes ? `Notes: ${calendarText(dto.notes)}` : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
  calendar.createEvent({
    id: bookingUid(dto._id),
    sequence,
    start: new Date(dto.start),
    end: new Date(dto.end),
    // UTC times (no TZID): correct in every calendar whatever the viewer's zone.
    timezone: null,
    stamp: new Date(dto.updatedAt),
    created: new Date(dto.createdAt),
    lastModified: new Date(dto.updatedAt),
    summary: `${calendarText(dto.sessionType.title)}: ${coachName} & ${clientName}`,
    description,
    status: eventStatus(dto.status),
    organizer: { name: parameterText(coachName), email: addresses.coach },
    attendees: [
      {
        name: parameterText(clientName),
        email: addresses.client,
        role: ICalAttendeeRole.REQ,
        status:
          dto.status === 'confirmed' || dto.status === 'completed'
            ? ICalAttendeeStatus.ACCEPTED
            : dto.status === 'pending'
              ? ICalAttendeeStatus.TENTATIVE
              : ICalAttendeeStatus.DECLINED,
      },
    ],
    ...(dto.meetingUrl ? { url: dto.meetingUrl, location: dto.meetingUrl } : {}),
  });
  return calendar.toString();
}
