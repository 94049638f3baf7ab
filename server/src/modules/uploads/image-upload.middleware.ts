import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../../core/errors.js';
import { readsMultipart } from '../../core/request-shape.js';

/** The multipart field every image upload uses. */
export const UPLOAD_FIELD = 'file';

function toAppError(error: unknown, maxBytes: number): AppError {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return new AppError(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, {
        maxBytes,
      });
    }
    return new AppError(400, 'VALIDATION_FAILED', 'The upload is not valid', [
      { field: error.field ?? UPLOAD_FIELD, location: 'body', message: error.message },
    ]);
  }
  // busboy's own errors (a truncated or malformed multipart body) are the sender's fault too.
  return new AppError(400, 'VALIDATION_FAILED', 'The multipart body could not be read', [
    { field: UPLOAD_FIELD, location: 'body', message: 'Malformed multipart body' },
  ]);
}

/**
 * Reads one file from the multipart field `file` into memory, stopping at `maxBytes` (413).
 * Its type is checked by content later, in the storage service.
 */
export function singleImageUpload(maxBytes: number): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024 },
  }).single(UPLOAD_FIELD);

  return readsMultipart((req, res, next) => {
    parse(req, res, (error: unknown) => {
      if (error) {
        next(toAppError(error, maxBytes));
        return;
      }
      if (!req.file) {
        next(
          new AppError(400, 'VALIDATION_FAILED', 'Send the image as the multipart field "file"', [
            { field: UPLOAD_FIELD, location: 'body', message: 'Required' },
          ]),
        );
        return;
      }
      next();
    });
  });
}

/** The bytes singleImageUpload() read; using it on a route without that middleware is a bug. */
export function uploadedBytes(req: Request): Buffer {
  if (!req.file) throw new Error('uploadedBytes() used on a route without singleImageUpload()');
  return req.file.buffer;
}

/**
 * For routes that take JSON or a multipart form: a multipart body is read into `req.body` (its
 * text fields, at most `maxFieldBytes` each) and `req.file` (the one optional file in `file`);
 * any other body passes through untouched to the JSON parser's result.
 */
export function optionalImageUpload(maxBytes: number, maxFieldBytes: number): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: maxFieldBytes },
  }).single(UPLOAD_FIELD);

  return readsMultipart((req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next();
      return;
    }
    parse(req, res, (error: unknown) => next(error ? toAppError(error, maxBytes) : undefined));
  });
}

/** The bytes of an optional upload, if one came. */
export const optionalUploadedBytes = (req: Request): Buffer | undefined => req.file?.buffer;
