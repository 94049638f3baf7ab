import type { AuthResponse } from '@coachhub/shared/auth';
import type { Role, UserStatus } from '@coachhub/shared/roles';
import jwt from 'jsonwebtoken';
import { expect } from 'vitest';
import { createAccessTokens } from '../src/core/auth/access-token.js';
import { hashPassword } from '../src/modules/auth/password-hasher.js';
import { createEventBus } from '../src/core/events/event-bus.js';
import { createLogger } from '../src/core/logger.js';
import { createSessionService } from '../src/modules/auth/session.service.js';
import { REFRESH_COOKIE } from '../src/modules/auth/refresh-cookie.js';
import { User } from '../src/modules/users/user.model.js';
import { toUserDTO } from '../src/modules/users/user.mapper.js';
import { TEST_JWT_SECRET, type TestServer } from './test-server.js';

export const TEST_PASSWORD = 'a fine test password';

// bcrypt at cost 12 takes ~0.3 s: hash once per test file and give every fixture user that hash.
let sharedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

let counter = 0;

export async function createUser(
  options: {
    role?: Role;
    status?: UserStatus;
    email?: string;
    firstName?: string;
    lastName?: string;
  } = {},
): Promise<TestUser> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  counter += 1;
  const email = options.email ?? `${options.role ?? 'client'}${counter}@example.com`;
  const user = await User.create({
    email,
    firstName: options.firstName ?? `First${counter}`,
    lastName: options.lastName ?? `Last${counter}`,
    role: options.role ?? 'client',
    status: options.status ?? 'active',
    passwordHash: await sharedHash,
  });
  return { id: user.id, email, password: TEST_PASSWORD };
}

export interface SignedIn {
  user: AuthResponse['user'];
  accessToken: string;
  /** `coachhub_refresh=<token>`, ready for a `Cookie` header. */
  refreshCookie: string;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId: string;
}

/** The session id an access token carries (its `sid` claim), read without verifying. */
export function sessionIdOf(accessToken: string): string {
  const claims = jwt.decode(accessToken);
  const sid =
    typeof claims === 'object' && claims !== null ? (claims as { sid?: unknown }).sid : null;
  if (typeof sid !== 'string') throw new Error('The access token carries no session id');
  return sid;
}

/** The refresh cookie pair from a response's Set-Cookie headers. */
export function refreshCookieOf(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((line) => line.startsWith(`${REFRESH_COOKIE}=`));
  expect(cookie, 'refresh cookie').toBeDefined();
  return (cookie ?? '').split(';')[0] ?? '';
}

export async function signIn(t: TestServer, user: TestUser): Promise<SignedIn> {
  const res = await t.http
    .post('/api/auth/login')
    .send({ email: user.email, password: user.password });
  expect(res.status).toBe(200);
  const body = res.body as AuthResponse;
  return {
    user: body.user,
    accessToken: body.accessToken,
    refreshCookie: refreshCookieOf(res.headers['set-cookie']),
    sessionId: sessionIdOf(body.accessToken),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const sessions = createSessionService({
  accessTokens: createAccessTokens({ secret: TEST_JWT_SECRET, ttlSeconds: 900 }),
  refreshTokenTtlDays: 1,
  // Sessions made here are only started, never revoked: nothing is published on this bus.
  events: createEventBus(createLogger({ logLevel: 'silent', isProduction: false })),
});

/**
 * Signed in without the login route: a real session through the session service, skipping the
 * bcrypt comparison (~0.3 s each). For tests about other features; auth tests use signIn().
 */
export async function sessionFor(user: TestUser): Promise<SignedIn> {
  const record = await User.findById(user.id).lean();
  if (!record) throw new Error(`No user ${user.id}`);
  const tokens = await sessions.start(record);
  return {
    user: toUserDTO(record),
    accessToken: tokens.accessToken,
    refreshCookie: `${REFRESH_COOKIE}=${tokens.refreshToken}`,
    sessionId: sessionIdOf(tokens.accessToken),
  };
}
