import { ERROR_CODES } from '@coachhub/shared/errors';
import type { ApiErrorBody, ErrorCode, ValidationIssue } from '@coachhub/shared/errors';
import type { AxiosError } from 'axios';

/** Codes the client itself produces when the server never answered with one. */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNKNOWN_ERROR'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type ApiErrorCode = ErrorCode | ClientErrorCode;

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

const isApiErrorBody = (body: unknown): body is ApiErrorBody => {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error;
};

/** Every failed API call rejects with this, whatever went wrong underneath. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly details?: ApiErrorBody['error']['details'],
  ) {
    super(message);
  }

  /** Field-level problems of a 400 `VALIDATION_FAILED`, empty for every other error. */
  get fieldIssues(): ValidationIssue[] {
    return Array.isArray(this.details) ? this.details : [];
  }

  /** How long a 429 `RATE_LIMITED` asks to wait (its `Retry-After`), when it says. */
  get retryAfterSeconds(): number | null {
    if (this.details === undefined || Array.isArray(this.details)) return null;
    const seconds = this.details.retryAfterSeconds;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
      ? Math.ceil(seconds)
      : null;
  }
}

/**
 * axios's own `isAxiosError` test, written out so that reading an error does not pull axios into
 * the first page's JavaScript (it loads with the first request, api-client.ts).
 */
const isAxiosError = (error: unknown): error is AxiosError =>
  typeof error === 'object' &&
  error !== null &&
  'isAxiosError' in error &&
  error.isAxiosError === true;

export const toApiError = (error: unknown): ApiError => {
  if (error instanceof ApiError) return error;
  if (isAxiosError(error)) {
    const status = error.response?.status ?? null;
    const body: unknown = error.response?.data;
    if (isApiErrorBody(body)) {
      const { code, message, details } = body.error;
      // A code this build does not know yet still gets a translated, generic message.
      return new ApiError(isErrorCode(code) ? code : 'UNKNOWN_ERROR', message, status, details);
    }
    if (!error.response) return new ApiError('NETWORK_ERROR', error.message);
    return new ApiError(
      status !== null && status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN_ERROR',
      error.message,
      status,
    );
  }
  return new ApiError('UNKNOWN_ERROR', error instanceof Error ? error.message : String(error));
};
