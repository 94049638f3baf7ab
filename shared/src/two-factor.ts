import type { AuthResponse } from './auth.js';

/** Digits of a TOTP code (RFC 6238, as authenticator apps show them). */
export const TOTP_DIGITS = 6;
/** One-time recovery codes handed out when two-factor sign-in is turned on (or renewed). */
export const RECOVERY_CODE_COUNT = 10;

/**
 * `POST /api/auth/login` for an account with two-factor sign-in on: no tokens yet. The challenge
 * token is short-lived and good only for `POST /api/auth/login/two-factor`.
 */
export interface TwoFactorChallengeResponse {
  twoFactorRequired: true;
  challengeToken: string;
}

/** What `POST /api/auth/login` answers: signed in, or asked for the second factor. */
export type LoginResponse = AuthResponse | TwoFactorChallengeResponse;

export const isTwoFactorChallenge = (answer: LoginResponse): answer is TwoFactorChallengeResponse =>
  'twoFactorRequired' in answer;

/** `POST /api/auth/login/two-factor`: `code` is a TOTP code or one of the recovery codes. */
export interface TwoFactorLoginRequest {
  challengeToken: string;
  code: string;
}

/** `POST /api/auth/two-factor/setup`: a pending enrolment, active only once confirmed with a code. */
export interface TwoFactorSetupResponse {
  /** Base32, for typing into an authenticator app by hand. */
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a PNG QR code (`data:image/png;base64,...`). */
  qrCodeDataUrl: string;
}

/** Body of enable, disable and recovery-code renewal: a TOTP code (disable and renewal also take a recovery code). */
export interface TwoFactorCodeRequest {
  code: string;
}

/** Shown once; only hashes are kept. */
export interface RecoveryCodesResponse {
  recoveryCodes: string[];
}

/** `GET /api/auth/two-factor`: the caller's two-factor sign-in. */
export interface TwoFactorStatusDTO {
  enabled: boolean;
  /** Unused recovery codes (0 while two-factor sign-in is off). */
  recoveryCodesLeft: number;
  /** True for an admin while two-factor sign-in is required of admins: it cannot be turned off. */
  mandatory: boolean;
}
