/**
 * Guessing a 6-digit code is throttled per account (from any address) and per address, like the
 * password step; so are the code checks of a signed-in caller (turning it off, new codes).
 */
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type TestUser } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import {
  enableTwoFactor,
  passwordStep,
  totpCode,
  type Enrolled,
} from '../../../test/two-factor-fixtures.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, {
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '3',
    RATE_LIMIT_LOGIN_PER_IP: '8',
    RATE_LIMIT_WINDOW_SECONDS: '600',
    // One proxy in front, as in production: the client's address comes from X-Forwarded-For.
    TRUST_PROXY: '1',
  });
});
afterAll(() => t.close());

const secondStep = (challengeToken: string, code: string, from: string) =>
  t.http
    .post('/api/auth/login/two-factor')
    .set('X-Forwarded-For', from)
    .send({ challengeToken, code });

function expectThrottled(res: { status: number; body: unknown; headers: Record<string, string> }) {
  expect(res.status).toBe(429);
  expect((res.body as ApiErrorBody).error.code).toBe('RATE_LIMITED');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(600);
}

const wrongCodeFor = async (secret: string) =>
  (await totpCode(secret, 1)) === '000000' ? '000001' : '000000';

describe('throttling the second sign-in step', () => {
  let alice: TestUser;
  let enrolled: Enrolled;
  beforeAll(async () => {
    alice = await createUser();
    enrolled = await enableTwoFactor(t, (await sessionFor(alice)).accessToken);
  });

  it('counts wrong codes per account across addresses and challenges, with Retry-After', async () => {
    const wrong = await wrongCodeFor(enrolled.secret);
    for (const from of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      const challenge = await passwordStep(t, alice, from);
      expect((await secondStep(challenge, wrong, from)).status).toBe(401);
    }
    // A fresh challenge from a fresh address does not start the count again, nor does the
    // right code get through while the account is throttled.
    const challenge = await passwordStep(t, alice, '203.0.113.4');
    expectThrottled(await secondStep(challenge, await totpCode(enrolled.secret, 1), '203.0.113.4'));
    expectThrottled(await secondStep(challenge, enrolled.recoveryCodes[0] ?? '', '203.0.113.4'));
  });

  it('counts every attempt per address, whichever accounts it tries', async () => {
    const from = '198.51.100.20';
    const people = await Promise.all([createUser(), createUser(), createUser()]);
    const enrolments = await Promise.all(
      people.map(async (person) => enableTwoFactor(t, (await sessionFor(person)).accessToken)),
    );
    // Eight attempts from one address: two wrong codes for each of three people, and a right
    // code for two of them (successes count here too).
    const challenges: string[] = [];
    for (const [index, person] of people.entries()) {
      const enrolled = enrolments[index] as Enrolled;
      const challenge = await passwordStep(t, person, from);
      challenges.push(challenge);
      for (let round = 0; round < 2; round += 1) {
        const res = await secondStep(challenge, await wrongCodeFor(enrolled.secret), from);
        expect(res.status).toBe(401);
      }
      if (index < 2) {
        const res = await secondStep(challenge, enrolled.recoveryCodes[0] ?? '', from);
        expect(res.status).toBe(200);
      }
    }
    const third = enrolments[2] as Enrolled;
    expectThrottled(await secondStep(challenges[2] ?? '', third.recoveryCodes[0] ?? '', from));
    // The same person from another address is fine.
    const elsewhere = await secondStep(
      challenges[2] ?? '',
      third.recoveryCodes[0] ?? '',
      '198.51.100.21',
    );
    expect(elsewhere.status).toBe(200);
  });
});

describe('throttling code checks of a signed-in caller', () => {
  it('turning it off or renewing recovery codes with wrong codes stops after the allowance', async () => {
    const bob = await createUser();
    const { accessToken } = await sessionFor(bob);
    const enrolled = await enableTwoFactor(t, accessToken);
    const post = (path: string, code: string) =>
      t.http.post(`/api/auth/two-factor/${path}`).set(bearer(accessToken)).send({ code });
    const wrong = await wrongCodeFor(enrolled.secret);
    expect((await post('disable', wrong)).status).toBe(400);
    expect((await post('recovery-codes', wrong)).status).toBe(400);
    expect((await post('disable', 'aaaaa-aaaaa')).status).toBe(400);
    expectThrottled(await post('disable', enrolled.recoveryCodes[0] ?? ''));
    // Another account is not affected.
    const carol = await createUser();
    const carolToken = (await sessionFor(carol)).accessToken;
    const carols = await enableTwoFactor(t, carolToken);
    const res = await t.http
      .post('/api/auth/two-factor/disable')
      .set(bearer(carolToken))
      .send({ code: carols.recoveryCodes[0] });
    expect(res.status).toBe(204);
  });
});
