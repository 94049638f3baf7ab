import type { StoredImage } from '@coachhub/shared/user';
import type { CheckedImage } from './image-type.js';

/** One folder per kind of image; chat images get theirs with the chat feature. */
export type ImageFolder = 'profile-pictures' | 'coach-pictures' | 'chat-images';

export interface SaveOptions {
  /**
   * A fixed name (lower-case letters, digits, dashes) that overwrites what is stored under it.
   * Only for the demo seed, so restarts reuse its files; uploads always get random names.
   */
  name?: string;
}

/** Where image bytes live: Cloudinary or the local disk. The rest of the server sees only this. */
export interface StorageDriver {
  readonly kind: 'local' | 'cloudinary';
  save(image: CheckedImage, folder: ImageFolder, options?: SaveOptions): Promise<StoredImage>;
  /** Deletes the asset; one that is already gone is not an error. */
  remove(publicId: string): Promise<void>;
}

export const SEED_NAME = /^[a-z0-9-]{1,64}$/;
