import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../core/errors.js';

const ACCEPTED = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;

export type ImageMime = keyof typeof ACCEPTED;
export type ImageExtension = (typeof ACCEPTED)[ImageMime];

/** An upload whose bytes were checked to be one of the accepted image types. */
export interface CheckedImage {
  buffer: Buffer;
  mime: ImageMime;
  ext: ImageExtension;
}

const isAccepted = (mime: string): mime is ImageMime => Object.hasOwn(ACCEPTED, mime);

/**
 * Reads the type from the bytes (magic numbers), never from the file name or the declared
 * Content-Type, which the sender controls. JPEG, PNG and WebP only; anything else is 415.
 */
export async function checkImage(buffer: Buffer): Promise<CheckedImage> {
  const detected = await fileTypeFromBuffer(buffer);
  if (!detected || !isAccepted(detected.mime)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Upload a JPEG, PNG or WebP image', {
      detected: detected?.mime ?? null,
    });
  }
  return { buffer, mime: detected.mime, ext: ACCEPTED[detected.mime] };
}
