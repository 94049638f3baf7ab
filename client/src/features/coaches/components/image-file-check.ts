import type { FieldProblem } from '@/lib/field-problem';

/** What the API accepts (it checks the bytes itself; this spares a pointless upload). */
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * The server's default upload limit (UPLOAD_MAX_BYTES, 5 MiB). A server configured lower still
 * answers 413, which the form shows translated.
 */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** "5 MB" / "5 MB" in the reader's number format. */
export const formatFileSize = (bytes: number, locale: string): string =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'megabyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));

export const checkImageFile = (file: File, locale: string): FieldProblem | undefined => {
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return { key: 'validation.imageType' };
  }
  if (file.size > MAX_PICTURE_BYTES) {
    return {
      key: 'validation.imageTooLarge',
      values: { max: formatFileSize(MAX_PICTURE_BYTES, locale) },
    };
  }
  return undefined;
};
