import { createHash, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@coachhub/shared/two-factor';

// No 0/o, 1/l/i: codes are read off paper and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

function newCode(): string {
  const characters = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${characters.slice(0, GROUP).join('')}-${characters.slice(GROUP).join('')}`;
}

/** Ten codes like `k7mqd-4rwzp` (about 49 random bits each), to be shown once. */
export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODE_COUNT }, newCode);

/** As typed: any case, with or without the dash or spaces. */
export const normaliseRecoveryCode = (code: string): string =>
  code.toLowerCase().replace(/[\s-]/g, '');

/**
 * Only hashes are stored. The codes are random enough that a plain SHA-256 cannot be walked back
 * (no password-style stretching needed), and the hash is what a one-time use removes.
 */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
