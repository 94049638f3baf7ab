import { Agent } from 'node:http';
import type { StoredImage } from '@coachhub/shared/user';
import type { UploadApiOptions, UploadApiResponse } from 'cloudinary';
import type { CloudinarySettings } from '../../core/config/cloudinary-url.js';
import type { StorageDriver } from './storage-driver.js';
import { SEED_NAME } from './storage-driver.js';

/** Every asset of this app lives under this Cloudinary folder. */
const ROOT_FOLDER = 'coachhub';

/**
 * Cloudinary through its official SDK (v2). Credentials go with each call instead of the SDK's
 * global config, so the driver owns its settings and nothing else in the process is affected.
 */
export async function createCloudinaryDriver(settings: CloudinarySettings): Promise<StorageDriver> {
  // Loaded only when Cloudinary is configured: a local-disk setup never pays for the SDK.
  const { v2: cloudinary } = await import('cloudinary');
  const callOptions: UploadApiOptions = {
    cloud_name: settings.cloudName,
    api_key: settings.apiKey,
    api_secret: settings.apiSecret,
    resource_type: 'image',
    ...(settings.uploadPrefix ? { upload_prefix: settings.uploadPrefix } : {}),
    // The SDK picks `https` or `http` once, when it loads, from its global upload_prefix; a
    // per-call http:// prefix (a local fake) therefore needs an http agent or Node refuses it.
    ...(settings.uploadPrefix?.startsWith('http:')
      ? { agent: new Agent({ keepAlive: true }) }
      : {}),
  };

  return {
    kind: 'cloudinary',

    save(image, folder, options = {}) {
      if (options.name !== undefined && !SEED_NAME.test(options.name)) {
        return Promise.reject(new Error(`Invalid storage name "${options.name}"`));
      }
      const naming = options.name
        ? { public_id: options.name, overwrite: true }
        : { unique_filename: true, overwrite: false };
      return new Promise<StoredImage>((resolve, reject) => {
        const upload = cloudinary.uploader.upload_stream(
          { ...callOptions, ...naming, folder: `${ROOT_FOLDER}/${folder}` },
          (error, result?: UploadApiResponse) => {
            if (error || !result?.public_id || !result.secure_url) {
              reject(
                new Error(`Cloudinary upload failed: ${error?.message ?? 'no asset returned'}`),
              );
              return;
            }
            resolve({ url: result.secure_url, publicId: result.public_id });
          },
        );
        upload.end(image.buffer);
      });
    },

    async remove(publicId) {
      const answer = (await cloudinary.uploader.destroy(publicId, {
        ...callOptions,
        invalidate: true,
      })) as { result?: string };
      if (answer.result !== 'ok' && answer.result !== 'not found') {
        throw new Error(`Cloudinary could not delete ${publicId}: ${String(answer.result)}`);
      }
    },
  };
}
