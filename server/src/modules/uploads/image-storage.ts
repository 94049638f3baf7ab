import type { StoredImage } from '@coachhub/shared/user';
import type { UploadsConfig } from '../../core/config/config.js';
import { errorText } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { createCloudinaryDriver } from './cloudinary-storage.driver.js';
import { checkImage } from './image-type.js';
import { createLocalStorageDriver } from './local-storage.driver.js';
import type { ImageFolder, StorageDriver } from './storage-driver.js';

/**
 * Stores the new image, lets `swap` put it on its record (returning the image it replaced),
 * then deletes the replaced asset. If the swap fails, the new asset is deleted instead.
 */
export type ReplaceImage = (
  bytes: Buffer,
  folder: ImageFolder,
  swap: (image: StoredImage) => Promise<StoredImage | null>,
) => Promise<StoredImage>;

export interface ImageStorage {
  readonly driver: StorageDriver;
  replace: ReplaceImage;
  /** Checks and stores a new image that replaces nothing (a chat picture). */
  store(bytes: Buffer, folder: ImageFolder): Promise<StoredImage>;
  /** Deletes an asset; a failure is logged, not thrown (the record it belonged to is gone). */
  removeQuietly(publicId: string): Promise<void>;
}

/** The one storage service for every picture (domain.md, "Files"). */
export function createImageStorage(driver: StorageDriver, logger: Logger): ImageStorage {
  // Leftover assets cost storage, not correctness; the request that replaced them succeeded.
  const removeQuietly = async (publicId: string) => {
    try {
      await driver.remove(publicId);
    } catch (error) {
      logger.warn('Could not delete a stored image', {
        publicId,
        error: errorText(error),
      });
    }
  };

  return {
    driver,
    removeQuietly,
    async store(bytes, folder) {
      return driver.save(await checkImage(bytes), folder);
    },
    async replace(bytes, folder, swap) {
      const image = await driver.save(await checkImage(bytes), folder);
      let previous: StoredImage | null;
      try {
        previous = await swap(image);
      } catch (error) {
        await removeQuietly(image.publicId);
        throw error;
      }
      if (previous && previous.publicId !== image.publicId) await removeQuietly(previous.publicId);
      return image;
    },
  };
}

/** Cloudinary when CLOUDINARY_URL is set, the local disk otherwise. */
export async function createStorageDriver(config: UploadsConfig): Promise<StorageDriver> {
  return config.cloudinary
    ? createCloudinaryDriver(config.cloudinary)
    : createLocalStorageDriver(config.dir);
}
