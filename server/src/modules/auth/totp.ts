import { TOTP_DIGITS } from '@coachhub/shared/two-factor';
import { generateSecret, generateURI, verify } from 'otplib';

/** The RFC 6238 defaults every authenticator app uses: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** One step either side, for clocks that drift and codes typed as they roll over. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
const CODE_SHAPE = new RegExp(`^\\d{${TOTP_DIGITS}}$`);

/** 20 random bytes in Base32 (the size RFC 4226 recommends). */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

/** What an authenticator app reads from the QR code. */
export const totpUri = (options: { issuer: string; account: string; secret: string }): string =>
  generateURI({ issuer: options.issuer, label: options.account, secret: options.secret });

export const looksLikeTotpCode = (code: string): boolean => CODE_SHAPE.test(code);

/**
 * The time step `code` belongs to, or null when it is wrong or out of the window. A step at or
 * before `afterStep` (the last one used) is refused too: a code works once.
 */
export async function matchTotp(
  secret: string,
  code: string,
  options: { now: Date; afterStep: number },
): Promise<number | null> {
  if (!looksLikeTotpCode(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(options.now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    afterTimeStep: options.afterStep,
  });
  // The functional API answers for HOTP and TOTP alike; only a TOTP result carries its step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
