/**
 * Two-factor sign-in (TOTP, RFC 6238) end to end over real HTTP: enrolment, both sign-in steps,
 * replayed and recovery codes, the challenge token's limits, turning it off.
 */
import type { AuthResponse } from '@coachhub/shared/auth';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type {
  RecoveryCodesResponse,
  TwoFactorSetupResponse,
  TwoFactorStatusDTO,
} from '@coachhub/shared/two-factor';
import type { UserDTO } from '@coachhub/shared/user';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createUser,
  refreshCookieOf,
  sessionFor,
  signIn,
  type SignedIn,
  type TestUser,
} from '../../../test/fixtures.js';
import { TEST_JWT_SECRET, startTestServer, type TestServer } from '../../../test/test-server.js';
import {
  enableTwoFactor,
  passwordStep,
  totpCode,
  type Enrolled,
} from '../../../test/two-factor-fixtures.js';
import { createChallengeTokens } from './two-factor-challenge.js';
import { TwoFactor } from './two-factor.model.js';

let t: TestServer;

beforeAll(async () => {
  // Wrong codes are part of every story here; throttling has its own file.
  t = await startTestServer(import.meta.filename, {
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000',
    RATE_LIMIT_LOGIN_PER_IP: '1000',
  });
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const secondStep = (challengeToken: string, code: string) =>
  t.http.post('/api/auth/login/two-factor').send({ challengeToken, code });
const me = async (accessToken: string) =>
  (await t.http.get('/api/users/me').set(bearer(accessToken)).expect(200)).body as UserDTO;
const status = async (accessToken: string) =>
  (await t.http.get('/api/auth/two-factor').set(bearer(accessToken)).expect(200))
    .body as TwoFactorStatusDTO;

describe('turning two-factor sign-in on', () => {
  let user: TestUser;
  let session: SignedIn;
  beforeAll(async () => {
    user = await createUser();
    session = await signIn(t, user);
  });

  it('needs a signed-in caller', async () => {
    expect((await t.http.post('/api/auth/two-factor/setup')).status).toBe(401);
    expect((await t.http.post('/api/auth/two-factor/enable').send({ code: '123456' })).status).toBe(
      401,
    );
  });

  it('refuses to confirm before a set-up: 409 TWO_FACTOR_SETUP_MISSING', async () => {
    const res = await t.http
      .post('/api/auth/two-factor/enable')
      .set(bearer(session.accessToken))
      .send({ code: '123456' });
    expect(res.status).toBe(409);
    expect(codeOf(res.body)).toBe('TWO_FACTOR_SETUP_MISSING');
  });

  it('a set-up gives the secret, an otpauth URL and its QR code, and changes nothing yet', async () => {
    const res = await t.http.post('/api/auth/two-factor/setup').set(bearer(session.accessToken));
    expect(res.status).toBe(200);
    const setup = res.body as TwoFactorSetupResponse;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(setup.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(setup.secret);
    expect(url.searchParams.get('issuer')).toBe('CoachHub');
    expect(decodeURIComponent(url.pathname)).toContain(user.email);
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);

    expect((await me(session.accessToken)).twoFactorEnabled).toBe(false);
    expect(await status(session.accessToken)).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
      mandatory: false,
    });
    // Signing in still needs the password alone.
    expect((await signIn(t, user)).accessToken).toBeTruthy();
  });

  it('confirms only with a right code from the app', async () => {
    const { secret } = (
      await t.http.post('/api/auth/two-factor/setup').set(bearer(session.accessToken))
    ).body as TwoFactorSetupResponse;
    const enable = (code: unknown) =>
      t.http.post('/api/auth/two-factor/enable').set(bearer(session.accessToken)).send({ code });

    const current = await totpCode(secret);
    const wrong = await enable(current === '000000' ? '000001' : '000000');
    expect(wrong.status).toBe(400);
    expect(codeOf(wrong.body)).toBe('INVALID_TWO_FACTOR_CODE');
    // A code two minutes old is out of the window.
    expect(codeOf((await enable(await totpCode(secret, -4))).body)).toBe('INVALID_TWO_FACTOR_CODE');
    for (const malformed of ['12345', 'abcdef', 123456, { $gt: '' }, 'k7mqd-4rwzp']) {
      expect(codeOf((await enable(malformed)).body), String(malformed)).toBe('VALIDATION_FAILED');
    }

    const res = await enable(await totpCode(secret));
    expect(res.status).toBe(200);
    const { recoveryCodes } = res.body as RecoveryCodesResponse;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    expect((await me(session.accessToken)).twoFactorEnabled).toBe(true);
    expect(await status(session.accessToken)).toEqual({
      enabled: true,
      recoveryCodesLeft: 10,
      mandatory: false,
    });
    // Kept sealed and hashed: neither the secret nor a recovery code is stored as such.
    const stored = JSON.stringify(await TwoFactor.find().lean());
    expect(stored).not.toContain(secret);
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
    // The answers never showed it again either.
    expect(t.responseBodies.filter((body) => body.includes(secret))).toHaveLength(1);
  });

  it('is on only once: a second set-up or confirmation is 409 TWO_FACTOR_ALREADY_ENABLED', async () => {
    const setup = await t.http.post('/api/auth/two-factor/setup').set(bearer(session.accessToken));
    expect(setup.status).toBe(409);
    expect(codeOf(setup.body)).toBe('TWO_FACTOR_ALREADY_ENABLED');
    const enable = await t.http
      .post('/api/auth/two-factor/enable')
      .set(bearer(session.accessToken))
      .send({ code: '123456' });
    expect(codeOf(enable.body)).toBe('TWO_FACTOR_ALREADY_ENABLED');
  });
});

describe('signing in with two-factor sign-in on', () => {
  let user: TestUser;
  let enrolled: Enrolled;
  beforeAll(async () => {
    user = await createUser();
    enrolled = await enableTwoFactor(t, (await sessionFor(user)).accessToken);
  });

  it('the password earns a challenge: no tokens and no cookie yet', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(['challengeToken', 'twoFactorRequired']);
    expect(res.headers['set-cookie']).toBeUndefined();
    const wrongPassword = await t.http
      .post('/api/auth/login')
      .send({ email: user.email, password: 'not the password!' });
    expect(codeOf(wrongPassword.body)).toBe('INVALID_CREDENTIALS');
  });

  it('a wrong code, or the code already spent on the set-up, is 401 INVALID_TWO_FACTOR_CODE', async () => {
    const challenge = await passwordStep(t, user);
    const next = await totpCode(enrolled.secret, 1);
    const wrong = await secondStep(challenge, next === '999999' ? '999998' : '999999');
    expect(wrong.status).toBe(401);
    expect(codeOf(wrong.body)).toBe('INVALID_TWO_FACTOR_CODE');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    // The set-up was confirmed with this code: it cannot sign in as well.
    const replayed = await secondStep(challenge, enrolled.enableCode);
    expect(replayed.status).toBe(401);
    expect(codeOf(replayed.body)).toBe('INVALID_TWO_FACTOR_CODE');
  });

  it('the next code signs in (tokens and cookie), once: the same code again is refused', async () => {
    const challenge = await passwordStep(t, user);
    const code = await totpCode(enrolled.secret, 1);
    const res = await secondStep(challenge, code);
    expect(res.status).toBe(200);
    const body = res.body as AuthResponse;
    expect(body.user).toMatchObject({ email: user.email, twoFactorEnabled: true });
    expect((await me(body.accessToken)).email).toBe(user.email);
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookieOf(res.headers['set-cookie']));
    expect(refreshed.status).toBe(200);

    // Someone who saw the code cannot use it within its window, not even with a new challenge.
    expect(codeOf((await secondStep(challenge, code)).body)).toBe('INVALID_TWO_FACTOR_CODE');
    const again = await secondStep(await passwordStep(t, user), code);
    expect(again.status).toBe(401);
    expect(codeOf(again.body)).toBe('INVALID_TWO_FACTOR_CODE');
  });

  it('a recovery code works once, typed in any case and without its dash', async () => {
    const [first = '', second = ''] = enrolled.recoveryCodes;
    const res = await secondStep(await passwordStep(t, user), first.toUpperCase().replace('-', ''));
    expect(res.status).toBe(200);
    const { accessToken } = res.body as AuthResponse;
    expect((await status(accessToken)).recoveryCodesLeft).toBe(9);

    const reused = await secondStep(await passwordStep(t, user), first);
    expect(reused.status).toBe(401);
    expect(codeOf(reused.body)).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await secondStep(await passwordStep(t, user), ` ${second} `)).status).toBe(200);
  });

  it('a challenge is no access token, and an access token is no challenge', async () => {
    const challenge = await passwordStep(t, user);
    const asAccess = await t.http.get('/api/users/me').set(bearer(challenge));
    expect(asAccess.status).toBe(401);
    expect(codeOf(asAccess.body)).toBe('INVALID_TOKEN');

    const { accessToken } = await sessionFor(user);
    const asChallenge = await secondStep(accessToken, enrolled.recoveryCodes[2] ?? '');
    expect(asChallenge.status).toBe(401);
    expect(codeOf(asChallenge.body)).toBe('TWO_FACTOR_CHALLENGE_INVALID');
    // The recovery code was not spent on it.
    expect((await secondStep(challenge, enrolled.recoveryCodes[2] ?? '')).status).toBe(200);
  });

  it('an expired, altered or foreign challenge is 401 TWO_FACTOR_CHALLENGE_INVALID', async () => {
    const expired = createChallengeTokens({ secret: TEST_JWT_SECRET, ttlSeconds: -1 }).sign(
      user.id,
    );
    const foreign = createChallengeTokens({ secret: 'another-secret-another-secret-0' }).sign(
      user.id,
    );
    const genuine = await passwordStep(t, user);
    const altered = `${genuine.slice(0, -2)}${genuine.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const challenge of [expired, foreign, altered, 'not-a-token']) {
      const res = await secondStep(challenge, enrolled.recoveryCodes[3] ?? '');
      expect(res.status).toBe(401);
      expect(codeOf(res.body)).toBe('TWO_FACTOR_CHALLENGE_INVALID');
    }
    expect((await status((await sessionFor(user)).accessToken)).recoveryCodesLeft).toBe(7);
  });

  it('a suspended account gets no session from its challenge', async () => {
    const other = await createUser();
    const { recoveryCodes } = await enableTwoFactor(t, (await sessionFor(other)).accessToken);
    const challenge = await passwordStep(t, other);
    const { User } = await import('../users/user.model.js');
    await User.updateOne({ _id: other.id }, { $set: { status: 'suspended' } });
    const res = await secondStep(challenge, recoveryCodes[0] ?? '');
    expect(res.status).toBe(403);
    expect(codeOf(res.body)).toBe('ACCOUNT_SUSPENDED');
  });

  it('refuses bad input with 400 VALIDATION_FAILED', async () => {
    const challenge = await passwordStep(t, user);
    for (const body of [
      {},
      { challengeToken: challenge },
      { code: '123456' },
      { challengeToken: challenge, code: 123456 },
      { challengeToken: ['x'], code: '123456' },
      { challengeToken: challenge, code: '12' },
      { challengeToken: challenge, code: 'x'.repeat(40) },
      { challengeToken: challenge, code: '123456', userId: user.id },
      { challengeToken: { $ne: null }, code: '123456' },
    ]) {
      const res = await t.http.post('/api/auth/login/two-factor').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(codeOf(res.body)).toBe('VALIDATION_FAILED');
    }
  });
});

describe('recovery codes and turning two-factor sign-in off', () => {
  let user: TestUser;
  let token: string;
  let enrolled: Enrolled;
  beforeAll(async () => {
    user = await createUser();
    token = (await sessionFor(user)).accessToken;
    enrolled = await enableTwoFactor(t, token);
  });
  const post = (path: string, code: unknown) =>
    t.http.post(`/api/auth/two-factor/${path}`).set(bearer(token)).send({ code });

  it('new recovery codes replace the old ones', async () => {
    const wrong = await post('recovery-codes', 'aaaaa-aaaaa');
    expect(wrong.status).toBe(400);
    expect(codeOf(wrong.body)).toBe('INVALID_TWO_FACTOR_CODE');
    const res = await post('recovery-codes', enrolled.recoveryCodes[0]);
    expect(res.status).toBe(200);
    const fresh = (res.body as RecoveryCodesResponse).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => enrolled.recoveryCodes.includes(code))).toEqual([]);
    expect((await status(token)).recoveryCodesLeft).toBe(10);
    const old = await secondStep(await passwordStep(t, user), enrolled.recoveryCodes[1] ?? '');
    expect(codeOf(old.body)).toBe('INVALID_TWO_FACTOR_CODE');
    enrolled = { ...enrolled, recoveryCodes: fresh };
  });

  it('turning it off takes a right code; then the password alone signs in', async () => {
    const wrong = await post('disable', '000000');
    expect(wrong.status).toBe(400);
    expect(codeOf(wrong.body)).toBe('INVALID_TWO_FACTOR_CODE');
    expect(codeOf((await post('disable', 'not a code at all')).body)).toBe(
      'INVALID_TWO_FACTOR_CODE',
    );
    expect(codeOf((await post('disable', '')).body)).toBe('VALIDATION_FAILED');

    expect((await post('disable', await totpCode(enrolled.secret, 1))).status).toBe(204);
    expect((await me(token)).twoFactorEnabled).toBe(false);
    expect(await TwoFactor.countDocuments({ user: user.id })).toBe(0);
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });
    expect((login.body as AuthResponse).accessToken).toBeTruthy();

    const again = await post('disable', enrolled.recoveryCodes[0]);
    expect(again.status).toBe(409);
    expect(codeOf(again.body)).toBe('TWO_FACTOR_NOT_ENABLED');
    expect(codeOf((await post('recovery-codes', '123456')).body)).toBe('TWO_FACTOR_NOT_ENABLED');
  });

  it('a challenge issued before it was turned off leads nowhere', async () => {
    const other = await createUser();
    const otherToken = (await sessionFor(other)).accessToken;
    const { recoveryCodes } = await enableTwoFactor(t, otherToken);
    const challenge = await passwordStep(t, other);
    await t.http
      .post('/api/auth/two-factor/disable')
      .set(bearer(otherToken))
      .send({ code: recoveryCodes[0] })
      .expect(204);
    const res = await secondStep(challenge, recoveryCodes[1] ?? '');
    expect(res.status).toBe(401);
    expect(codeOf(res.body)).toBe('TWO_FACTOR_CHALLENGE_INVALID');
  });

  it('anyone may turn it on: a coach does', async () => {
    const coach = await createUser({ role: 'coach' });
    await enableTwoFactor(t, (await sessionFor(coach)).accessToken);
    await passwordStep(t, coach);
  });
});
