/**
 * Access-token verification throughput: the server's own `createAccessTokens().verify` (HS256,
 * prebuilt key object, claim checks) on one core, against the target of 50,000 verifications/s.
 * Also measures signing and, for comparison, verifying with the secret as a string, which
 * makes jsonwebtoken build a key on every call.
 *
 *   npm run bench:jwt
 */
import { Types } from 'mongoose';
import jwt from 'jsonwebtoken';
import { createAccessTokens } from '../server/src/core/auth/access-token.js';
import { median, printTable } from './lib/stats.js';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';
const ROUNDS = 7;
const PER_ROUND = 50_000;
const TARGET = 50_000;

function opsPerSecond(count: number, op: (i: number) => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) op(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
}

function measure(op: (i: number) => unknown): number {
  opsPerSecond(5_000, op); // warm-up
  return median(Array.from({ length: ROUNDS }, () => opsPerSecond(PER_ROUND, op)));
}

const tokens = createAccessTokens({ secret: SECRET, ttlSeconds: 900 });
const claims = {
  userId: new Types.ObjectId().toHexString(),
  role: 'client' as const,
  sessionId: new Types.ObjectId().toHexString(),
};
const token = tokens.sign(claims);
if (tokens.verify(token).userId !== claims.userId)
  throw new Error('verification returned other claims');

const verify = measure(() => tokens.verify(token));
const sign = measure(() => tokens.sign(claims));
const verifyWithStringSecret = measure(() => jwt.verify(token, SECRET, { algorithms: ['HS256'] }));

printTable(
  ['operation', 'ops/s (median of 7 x 50,000)'],
  [
    ['verify (server code, key object)', verify.toFixed(0)],
    ['sign (server code, key object)', sign.toFixed(0)],
    ['verify (string secret, for comparison)', verifyWithStringSecret.toFixed(0)],
  ],
);
console.log(`\nverify: ${(verify / TARGET).toFixed(2)}x the target of ${TARGET} verifications/s`);
console.log(`key object vs string secret: ${(verify / verifyWithStringSecret).toFixed(2)}x`);
console.log(`node ${process.version}, one core`);
if (verify < TARGET) process.exitCode = 1;
