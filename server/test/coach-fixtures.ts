import type { UserStatus } from '@coachhub/shared/roles';
import { Coach, type CoachFields } from '../src/modules/coaches/coach.model.js';
import { avatarPng } from '../src/modules/seed/demo-picture.js';
import { createUser, type TestUser } from './fixtures.js';

export interface TestCoachOptions {
  firstName?: string;
  lastName?: string;
  email?: string;
  status?: UserStatus;
  /** Profile fields; by default an approved, listed coach in Europe/Berlin. */
  profile?: Partial<Omit<CoachFields, 'user' | 'firstName' | 'lastName' | 'userStatus'>>;
}

/**
 * A coach account with its Coach document written straight to the database (no HTTP, no
 * bcrypt beyond the file's one shared hash), for tests that need many coaches in given states.
 */
export async function createTestCoach(options: TestCoachOptions = {}): Promise<TestUser> {
  const user = await createUser({
    role: 'coach',
    ...(options.firstName ? { firstName: options.firstName } : {}),
    ...(options.lastName ? { lastName: options.lastName } : {}),
    ...(options.email ? { email: options.email } : {}),
    ...(options.status ? { status: options.status } : {}),
  });
  const { profile = {} } = options;
  await Coach.create({
    user: user.id,
    firstName: options.firstName ?? 'Test',
    lastName: options.lastName ?? 'Coach',
    userStatus: options.status ?? 'active',
    timeZone: 'Europe/Berlin',
    ...profile,
    verification: {
      status: 'approved',
      reason: null,
      submittedAt: new Date(),
      reviewedAt: new Date(),
      reviewedBy: null,
      ...profile.verification,
    },
  });
  return user;
}

/** A coach whose profile waits for an admin's verification. */
export const createPendingCoach = (options: TestCoachOptions = {}): Promise<TestUser> =>
  createTestCoach({
    ...options,
    profile: {
      ...options.profile,
      verification: {
        status: 'pending',
        reason: null,
        submittedAt: new Date(),
        reviewedAt: null,
        reviewedBy: null,
      },
    },
  });

/** Valid images of each accepted type, and a few that must be refused, made in code. */
export const images = {
  png: (seed = 0) => avatarPng([(seed * 53) % 256, 120, 200], 8),
  // SOI, APP0 "JFIF" segment, EOI: the magic numbers type sniffing looks at.
  jpeg: () =>
    Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00,
      0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
    ]),
  webp: () => {
    const vp8 = Buffer.alloc(10);
    const body = Buffer.concat([Buffer.from('WEBPVP8 ', 'ascii'), Buffer.alloc(4), vp8]);
    const header = Buffer.alloc(8);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(body.length, 4);
    return Buffer.concat([header, body]);
  },
  gif: () => Buffer.concat([Buffer.from('GIF89a', 'ascii'), Buffer.alloc(20)]),
  text: () => Buffer.from('just some text pretending to be an image\n'),
};
