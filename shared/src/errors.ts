/**
 * Every error the API or a socket ack can answer with carries one of these codes.
 * The client translates codes, never the server's English message.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'INVALID_TOKEN',
  'INVALID_CREDENTIALS',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'ACCOUNT_SUSPENDED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'EMAIL_TAKEN',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'WEAK_PASSWORD',
  'WRONG_PASSWORD',
  'BOOKING_CONFLICT',
  'SLOT_UNAVAILABLE',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
  'SESSION_TYPE_IN_USE',
  /** The proposal was already answered (accepted, declined, withdrawn) or has expired. */
  'PROPOSAL_CLOSED',
  /**
   * A client tried to move a confirmed booking inside its cancellation-fee window (a free move
   * there would dodge the fee): cancel (with the fee) or ask the coach instead.
   */
  'RESCHEDULE_IN_FEE_WINDOW',
  /** The client already holds the most pending requests allowed (with this coach or in total). */
  'TOO_MANY_PENDING_REQUESTS',
  /** 409: the booking already has its review (one per booking). */
  'ALREADY_REVIEWED',
  /** 409: only a completed booking can be reviewed. */
  'BOOKING_NOT_COMPLETED',
  /** 409: the coach's reply can be edited only within 24 hours of posting it. */
  'RESPONSE_EDIT_CLOSED',
  /** 403: an admin must turn on two-factor sign-in (REQUIRE_ADMIN_2FA) before anything else. */
  'TWO_FACTOR_REQUIRED',
  /** A TOTP or recovery code that is wrong, already used, or out of its time window. */
  'INVALID_TWO_FACTOR_CODE',
  /** The sign-in challenge token is expired, malformed or not a challenge: sign in again. */
  'TWO_FACTOR_CHALLENGE_INVALID',
  'TWO_FACTOR_ALREADY_ENABLED',
  'TWO_FACTOR_NOT_ENABLED',
  /** Turning two-factor sign-in on needs a fresh set-up first (`POST /api/auth/two-factor/setup`). */
  'TWO_FACTOR_SETUP_MISSING',
  /** 403: admins cannot turn two-factor sign-in off while it is required of them. */
  'TWO_FACTOR_MANDATORY',
  /** 409: the caller already has an open report about this target. */
  'ALREADY_REPORTED',
  /** 400: a payment provider's webhook whose signature does not verify. */
  'WEBHOOK_SIGNATURE_INVALID',
  /** 409: the checkout the client came back from is not paid (or not this booking's). */
  'PAYMENT_NOT_VERIFIED',
  /** 503: the payment provider cannot be reached just now (the booking's hold is released). */
  'PAYMENT_PROVIDER_UNAVAILABLE',
  /**
   * 409: a booking with `useCredit` found no usable credit (none left, expired, or no package of
   * this coach covers the session type).
   */
  'NO_CREDIT_AVAILABLE',
  /** 403: a coach cannot buy their own package. */
  'OWN_PACKAGE',
  'INTERNAL_ERROR',
  /** 503 with `Retry-After`: the database cannot be reached just now. */
  'DATABASE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ValidationIssue {
  field: string;
  location: 'body' | 'query' | 'params' | 'headers' | 'cookies';
  message: string;
}

/** The one error body of the API: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: ValidationIssue[] | Record<string, unknown>;
    requestId?: string;
  };
}
