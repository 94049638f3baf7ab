import type { BookingDTO, SessionTypeDTO } from '@coachhub/shared/booking';
import type { PriceConfigurationDTO } from '@coachhub/shared/pricing';
import type { AvailabilityDTO } from '@coachhub/shared/scheduling';
import { DEFAULT_BOOKING_SETTINGS } from '@coachhub/shared/scheduling';

import { makeCoach } from './fixtures';

export const makeSessionType = (overrides: Partial<SessionTypeDTO> = {}): SessionTypeDTO => ({
  _id: 'type-1',
  coachId: 'coach-1',
  title: 'Career deep dive',
  slug: 'career-deep-dive',
  durationMinutes: 60,
  description: 'One hour on your next career step.',
  mode: 'video',
  active: true,
  price: { amount: 9000, currency: 'EUR' },
  ...overrides,
});

export const makeAvailability = (overrides: Partial<AvailabilityDTO> = {}): AvailabilityDTO => ({
  timeZone: 'Europe/Berlin',
  weekly: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 1, start: '13:00', end: '17:00' },
    { weekday: 3, start: '09:00', end: '17:00' },
  ],
  overrides: [{ date: '2026-12-24', intervals: [] }],
  settings: DEFAULT_BOOKING_SETTINGS,
  ...overrides,
});

export const makePriceConfig = (
  overrides: Partial<PriceConfigurationDTO> = {},
): PriceConfigurationDTO => ({
  coachId: 'coach-1',
  currency: 'EUR',
  baseHourlyRate: 9000,
  sessionTypeRates: [],
  discounts: [
    { _id: 'd1', kind: 'first_session', label: 'Welcome', percent: 20, active: true },
    { _id: 'd2', kind: 'volume', label: 'Loyalty', percent: 10, minSessions: 5, active: true },
  ],
  packages: [
    { _id: 'p1', name: 'Five pack', sessions: 5, price: 40000, validityDays: 180, active: true },
  ],
  metadata: { version: 3, lastCalculation: '2026-01-01T10:00:00.000Z' },
  ...overrides,
});

export const makeBooking = (overrides: Partial<BookingDTO> = {}): BookingDTO => ({
  _id: 'booking-1',
  status: 'pending',
  start: '2026-05-06T08:00:00.000Z',
  end: '2026-05-06T09:00:00.000Z',
  sessionType: { _id: 'type-1', title: 'Career deep dive', durationMinutes: 60, mode: 'video' },
  client: {
    _id: 'user-1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    role: 'client',
    profilePicture: null,
  },
  coach: makeCoach(),
  quote: {
    amount: 9000,
    currency: 'EUR',
    lines: [{ kind: 'base', label: 'Career deep dive', amount: 9000 }],
  },
  notes: null,
  meetingUrl: null,
  cancellation: null,
  history: [
    { action: 'create', from: null, to: 'pending', by: 'client', at: '2026-05-01T10:00:00.000Z' },
  ],
  allowedActions: ['cancel', 'reschedule'],
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
  ...overrides,
});
