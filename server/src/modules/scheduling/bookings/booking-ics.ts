import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalEventStatus } from 'ical-generator';

const PRODUCT = { company: 'CoachHub', product: 'CoachHub bookings', language: 'EN' };

/** The same UID for every version of a booking's event, so calendars update it in place. */
export const bookingUid = (bookingId: string): string => `booking-${bookingId}@coachhub`;

/**
 * People appear by name with an address that never delivers (RFC 2606 `.invalid`): the API does
 * not hand one participant the other's email, and an .ics file should not either.
 */
const addressOf = (userId: string): string => `user-${userId}@users.coachhub.invalid`;

function eventStatus(status: BookingStatus): ICalEventStatus {
  switch (status) {
    case 'pending':
      return ICalEventStatus.TENTATIVE;
    case 'declined':
    case 'cancelled':
      return ICalEventStatus.CANCELLED;
    default:
      return ICalEventStatus.CONFIRMED;
  }
}

/**
 * One VEVENT in UTC from the booking as its reader sees it: stable UID, SEQUENCE = the booking's
 * `icsSequence` (bumped by confirm, reschedule, decline and cancel), STATUS TENTATIVE / CONFIRMED / CANCELLED, the coach as
 * ORGANIZER, the client as ATTENDEE, and the meeting link as URL and LOCATION.
 */
export function buildBookingCalendar(dto: BookingDTO, sequence: number): string {
  const calendar = ical({ prodId: PRODUCT, name: 'CoachHub' });
  const coachName = `${dto.coach.firstName} ${dto.coach.lastName}`;
  const clientName = `${dto.client.firstName} ${dto.client.lastName}`;
  const description = [
    `${dto.sessionType.title} (${dto.sessionType.durationMinutes} min) with ${coachName}`,
    dto.meetingUrl
      ? `Join: ${dto.meetingUrl}`
      : 'The meeting link follows once the coach confirms.',
    dto.notes ? `Notes: ${dto.notes}` : null,
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
    summary: `${dto.sessionType.title}: ${coachName} & ${clientName}`,
    description,
    status: eventStatus(dto.status),
    organizer: { name: coachName, email: addressOf(dto.coach._id) },
    attendees: [
      {
        name: clientName,
        email: addressOf(dto.client._id),
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
