import type { StoredImage } from '@coachhub/shared/user';
import { Schema } from 'mongoose';

/** `{ url, publicId }` as every model stores an image from the storage service. */
export const storedImageSchema = new Schema<StoredImage>(
  {
    url: { type: String, required: true },
    publicId: { type: String, required: true },
  },
  { _id: false },
);
