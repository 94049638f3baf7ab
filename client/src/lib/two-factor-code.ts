import { TOTP_DIGITS } from '@coachhub/shared/two-factor';

import type { FieldProblem } from './field-problem';

const TOTP_SHAPE = new RegExp(`^\\d{${TOTP_DIGITS}}$`);
/** Recovery codes are `xxxxx-xxxxx`; typed with or without the dash. */
const RECOVERY_MIN_LENGTH = 10;

/** As sent: spaces people type or paste between digit groups are dropped. */
export const normaliseCode = (code: string): string => code.replace(/\s/g, '');

export const checkTotpCode = (code: string): FieldProblem | undefined =>
  TOTP_SHAPE.test(normaliseCode(code)) ? undefined : { key: 'validation.totpCodeInvalid' };

export const checkRecoveryCode = (code: string): FieldProblem | undefined =>
  normaliseCode(code).replace(/-/g, '').length >= RECOVERY_MIN_LENGTH
    ? undefined
    : { key: 'validation.recoveryCodeRequired' };

/** Either kind, where both are accepted (turning it off, new recovery codes). */
export const checkAnyTwoFactorCode = (code: string): FieldProblem | undefined =>
  checkTotpCode(code) && checkRecoveryCode(code)
    ? { key: 'validation.twoFactorCodeRequired' }
    : undefined;
