import type {
  RecoveryCodesResponse,
  TwoFactorChallengeResponse,
  TwoFactorSetupResponse,
} from '@coachhub/shared/two-factor';
import { generate } from 'otplib';
import { expect } from 'vitest';
import { bearer, type TestUser } from './fixtures.js';
import type { TestServer } from './test-server.js';

const PERIOD_SECONDS = 30;

/**
 * The code an authenticator app shows now, or `steps` periods later (the server accepts one
 * step either side). Computed with otplib, as the app would, never read from the server.
 */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * PERIOD_SECONDS });
}

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
  /** The code that confirmed the set-up: spent, so it cannot sign in. */
  enableCode: string;
}

/**
 * Two-factor sign-in turned on through the API: set-up, then confirmation with the current code
 * (so that code's time step is spent: the next sign-in needs `totpCode(secret, 1)` or later).
 */
export async function enableTwoFactor(t: TestServer, accessToken: string): Promise<Enrolled> {
  const setup = await t.http.post('/api/auth/two-factor/setup').set(bearer(accessToken));
  expect(setup.status).toBe(200);
  const { secret } = setup.body as TwoFactorSetupResponse;
  const enableCode = await totpCode(secret);
  const enabled = await t.http
    .post('/api/auth/two-factor/enable')
    .set(bearer(accessToken))
    .send({ code: enableCode });
  expect(enabled.status).toBe(200);
  const { recoveryCodes } = enabled.body as RecoveryCodesResponse;
  return { secret, recoveryCodes, enableCode };
}

/** The first step of signing in to an account with two-factor sign-in on: its challenge token. */
export async function passwordStep(t: TestServer, user: TestUser, from?: string): Promise<string> {
  let call = t.http.post('/api/auth/login');
  if (from) call = call.set('X-Forwarded-For', from);
  const res = await call.send({ email: user.email, password: user.password });
  expect(res.status).toBe(200);
  const body = res.body as TwoFactorChallengeResponse;
  expect(body.twoFactorRequired).toBe(true);
  return body.challengeToken;
}
