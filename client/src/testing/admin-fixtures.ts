import type {
  AdminReportDTO,
  AdminStatsDTO,
  AdminUserDTO,
  AuditLogEntryDTO,
  DailyCount,
} from '@coachhub/shared/admin';
import type { ReviewDTO } from '@coachhub/shared/review';

import { makeUser } from './fixtures';

export const makeAdminUser = (overrides: Partial<AdminUserDTO> = {}): AdminUserDTO => ({
  ...makeUser(),
  coachVerification: null,
  ...overrides,
});

const days = (count: number, perDay: (index: number) => number): DailyCount[] =>
  Array.from({ length: count }, (_, index) => ({
    date: new Date(Date.UTC(2026, 5, 1 + index)).toISOString().slice(0, 10),
    count: perDay(index),
  }));

export const makeAdminStats = (overrides: Partial<AdminStatsDTO> = {}): AdminStatsDTO => ({
  users: {
    total: 120,
    byRole: { client: 100, coach: 18, admin: 2 },
    byStatus: { active: 117, suspended: 3 },
  },
  coaches: { total: 18, byVerification: { pending: 4, approved: 12, rejected: 2 } },
  bookings: {
    total: 340,
    byStatus: {
      pending: 10,
      confirmed: 40,
      declined: 5,
      cancelled: 25,
      completed: 250,
      no_show: 10,
      awaiting_payment: 0,
      expired: 0,
    },
  },
  reports: { open: 7 },
  bookingsPerDay: days(30, (index) => index % 5),
  newUsersPerDay: days(30, (index) => (index === 29 ? 6 : 1)),
  generatedAt: '2026-06-30T12:00:00.000Z',
  ...overrides,
});

export const makeReview = (overrides: Partial<ReviewDTO> = {}): ReviewDTO => ({
  _id: 'review-1',
  bookingId: 'booking-1',
  coachId: 'coach-1',
  reviewer: { _id: 'client-1', displayName: 'Lena F.', profilePicture: null },
  rating: 2,
  ratings: {},
  comment: 'Arrived late and left early.',
  response: null,
  hiddenAt: null,
  hiddenReason: null,
  createdAt: '2026-06-01T10:00:00.000Z',
  ...overrides,
});

const person = (id: string, firstName: string, lastName: string) => ({
  _id: id,
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}@example.com`,
  role: 'client' as const,
  status: 'active' as const,
  profilePicture: null,
});

export const makeReport = (overrides: Partial<AdminReportDTO> = {}): AdminReportDTO => ({
  _id: 'report-1',
  targetType: 'user',
  targetId: 'user-9',
  reason: 'spam',
  details: 'Sends the same link to everyone.',
  status: 'open',
  reporterId: 'user-2',
  reportedUserId: 'user-9',
  resolution: null,
  createdAt: '2026-06-02T10:00:00.000Z',
  reporter: person('user-2', 'Bea', 'Stone'),
  reportedUser: person('user-9', 'Max', 'Spam'),
  target: { targetType: 'user', user: person('user-9', 'Max', 'Spam') },
  ...overrides,
});

export const makeAuditEntry = (overrides: Partial<AuditLogEntryDTO> = {}): AuditLogEntryDTO => ({
  _id: 'audit-1',
  actor: { _id: 'admin-1', firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' },
  action: 'user.suspend',
  targetType: 'user',
  targetId: 'user-9',
  reason: 'Spam messages',
  at: '2026-06-03T10:00:00.000Z',
  ...overrides,
});
