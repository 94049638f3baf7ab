import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StorageDriver } from './storage-driver.js';
import { SEED_NAME } from './storage-driver.js';

/** URL prefix under which the app serves `dir` (see uploads.static.ts). */
export const UPLOADS_URL_PATH = '/uploads';

// Exactly what save() produces; anything else (../, absolute paths) is never touched on disk.
const PUBLIC_ID = /^[a-z-]+\/[a-z0-9-]{1,64}\.(jpg|png|webp)$/;

const isMissingFile = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

/**
 * Files under `dir/<folder>/<32 random hex>.<ext>`; the publicId is that relative path and the
 * URL is `/uploads/<publicId>`, relative so it works behind any host or proxy.
 */
export function createLocalStorageDriver(dir: string): StorageDriver {
  return {
    kind: 'local',

    async save(image, folder, options = {}) {
      if (options.name !== undefined && !SEED_NAME.test(options.name)) {
        throw new Error(`Invalid storage name "${options.name}"`);
      }
      const name = options.name ?? randomBytes(16).toString('hex');
      const publicId = `${folder}/${name}.${image.ext}`;
      await mkdir(path.join(dir, folder), { recursive: true });
      // 'wx' refuses to overwrite: a random name that already exists would be a bug, not a replace.
      await writeFile(path.join(dir, publicId), image.buffer, {
        flag: options.name ? 'w' : 'wx',
      });
      return { url: `${UPLOADS_URL_PATH}/${publicId}`, publicId };
    },

    async remove(publicId) {
      if (!PUBLIC_ID.test(publicId)) {
        throw new Error(`Not a local upload id: "${publicId}"`);
      }
      try {
        await unlink(path.join(dir, publicId));
      } catch (error) {
        if (!isMissingFile(error)) throw error;
      }
    },
  };
}
