import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
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
    case 'request.size.invalid':
    case 'request.aborted':
      return new AppError(400, 'VALIDATION_FAILED', 'The request body was cut short', [
        { field: '', location: 'body', message: 'Incomplete body' },
      ]);
    default:
      return null;
  }
}

const statusOf = (error: object): unknown => ('status' in error ? error.status : undefined);

// zlib (`Z_DATA_ERROR`, `Z_BUF_ERROR`, ...) and brotli (`ERR__ERROR_FORMAT_...`) decoder errors.
const DECOMPRESSION_ERROR = /^(Z_|ERR__ERROR|ERR_BROTLI|ZSTD_)/;

/**
 * Bytes the sender got wrong that Express's own parts reject with status 400 but no `type`: a
 * `:param` whose percent-encoding does not decode (the router's URIError), and a body that does
 * not decompress as its Content-Encoding says (body-parser passes the zlib error on).
 */
function fromRequestDecoding(error: unknown): AppError | null {
  if (typeof error !== 'object' || error === null || statusOf(error) !== 400) return null;
  if (error instanceof URIError) {
    return new AppError(400, 'VALIDATION_FAILED', 'The URL is not valid', [
      { field: '', location: 'params', message: 'Malformed percent-encoding' },
    ]);
  }
  const code = 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && DECOMPRESSION_ERROR.test(code)) {
    return new AppError(400, 'VALIDATION_FAILED', 'The request body could not be decompressed', [
      { field: '', location: 'body', message: 'Does not match its Content-Encoding' },
    ]);
  }
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const databaseDown = isDatabaseUnavailable(error);
    const known = databaseDown
      ? new AppError(503, 'DATABASE_UNAVAILABLE', 'The service is unavailable; try again shortly')
      : error instanceof AppError
        ? error
        : (fromBodyParser(error) ?? fromRequestDecoding(error));
    const requestId = currentRequestId();
    if (databaseDown) {
      // Not a bug of ours, but an outage someone must see: one line per refused request.
      logger.warn('Database unavailable', {
        method: req.method,
        path: req.originalUrl,
        error: error instanceof Error ? `${error.name}: ${error.message}` : error,
      });
    } else if (!known) {
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
    // Mongoose reconnects by itself; a client may try again in a second.
    if (databaseDown) res.set('Retry-After', '1');
    res.status(appError.status).json(body);
  };
}
