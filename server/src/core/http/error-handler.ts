import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { currentRequestId } from '../request-context.js';

/** Unknown `/api` paths answer in the API's error format instead of the SPA or Express's HTML. */
export const apiRouteNotFound: RequestHandler = (req, _res, next) => {
  next(
    new AppError(404, 'ROUTE_NOT_FOUND', `No route for ${req.method} ${req.baseUrl}${req.path}`),
  );
};

/** Errors raised by body-parser carry a `type`; they are the client's fault, not ours. */
function fromBodyParser(error: unknown): AppError | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'VALIDATION_FAILED', 'The request body is not valid JSON', [
        { field: '', location: 'body', message: 'Malformed JSON' },
      ]);
    case 'entity.too.large':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
    default:
      return null;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = error instanceof AppError ? error : fromBodyParser(error);
    const requestId = currentRequestId();
    if (!known) {
      logger.error('Unhandled error', {
        method: req.method,
        path: req.originalUrl,
        error: error instanceof Error ? { message: error.message, stack: error.stack } : error,
      });
    }
    const appError =
      known ?? new AppError(500, 'INTERNAL_ERROR', 'Something went wrong on our side');
    const body: ApiErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
        ...(requestId === undefined ? {} : { requestId }),
      },
    };
    // A limit that a service counts itself (e.g. chat messages) says when to come back.
    const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)
      ?.retryAfterSeconds;
    if (appError.status === 429 && typeof retryAfter === 'number') {
      res.set('Retry-After', String(retryAfter));
    }
    res.status(appError.status).json(body);
  };
}
