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
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});
