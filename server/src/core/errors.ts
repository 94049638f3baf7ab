import type { ErrorCode, ValidationIssue } from '@coachhub/shared/errors';

export type ErrorDetails = ValidationIssue[] | Record<string, unknown>;

/** The one error type services throw; the error middleware renders it as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError =>
  new AppError(404, 'NOT_FOUND', `${what} not found`);

/** What a caught value says, for a log line: an Error's message, anything else as text. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
