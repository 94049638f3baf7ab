import type { CoachDTO } from '@coachhub/shared/coach';
import type { Page } from '@coachhub/shared/pagination';
import type { UserDTO } from '@coachhub/shared/user';

export const makeUser = (overrides: Partial<UserDTO> = {}): UserDTO => ({
  _id: 'user-1',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  role: 'client',
  status: 'active',
  locale: 'en',
  timeZone: 'Europe/Berlin',
  profilePicture: null,
  twoFactorEnabled: false,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});

export const makeCoach = (overrides: Partial<CoachDTO> = {}): CoachDTO => ({
  _id: 'coach-1',
  firstName: 'Carla',
  lastName: 'Jensen',
  role: 'coach',
  status: 'offline',
  online: false,
  profilePicture: null,
  coachProfilePicture: null,
  headline: 'Career and leadership coach for first-time managers',
  bio: 'I help new managers find their feet.',
  specialties: ['career', 'leadership'],
  languages: ['en', 'de'],
  certifications: ['ICF Professional Certified Coach (PCC)'],
  yearsOfExperience: 9,
  rating: { average: 4.8, count: 52 },
  priceFrom: { amount: 9000, currency: 'EUR' },
  timeZone: 'Europe/Berlin',
  verification: { status: 'approved', reason: null, reviewedAt: '2026-01-02T10:00:00.000Z' },
  listed: true,
  ...overrides,
});

export const makePage = <T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> => ({
  items,
  page: 1,
  limit: 12,
  total: items.length,
  ...overrides,
});
