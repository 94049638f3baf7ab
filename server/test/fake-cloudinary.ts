import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import multer from 'multer';

export interface FakeAsset {
  bytes: Buffer;
  folder: string;
}

export interface FakeCloudinary {
  /** `cloudinary://key:secret@cloud?upload_prefix=http://127.0.0.1:<port>`: the SDK talks to this fake. */
  url: string;
  /** What the fake holds now, by public id. */
  assets: Map<string, FakeAsset>;
  /** Every API call, in order: `upload <publicId>` / `destroy <publicId>`. */
  calls: string[];
  close(): Promise<void>;
}

export const FAKE_CLOUD = {
  cloudName: 'coachhub-test',
  apiKey: '1234567890',
  apiSecret: 'fake-secret',
};

/** Cloudinary's request signature: sorted `k=v` pairs joined with &, then the secret, SHA-1. */
function expectedSignature(fields: Record<string, string>, secret: string): string {
  const toSign = Object.entries(fields)
    .filter(([key, value]) => !['signature', 'api_key', 'file'].includes(key) && value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`.replace(/&/g, '%26'))
    .join('&');
  return createHash('sha1')
    .update(toSign + secret)
    .digest('hex');
}

/**
 * A stand-in for Cloudinary's upload API (`POST /v1_1/<cloud>/image/upload` and `/destroy`,
 * multipart, signed): it checks the credentials and signature as Cloudinary does and keeps the
 * assets in memory, so tests drive the real SDK over HTTP instead of mocking it.
 */
export async function startFakeCloudinary(): Promise<FakeCloudinary> {
  const assets = new Map<string, FakeAsset>();
  const calls: string[] = [];
  const app = express();
  const parse = multer({ storage: multer.memoryStorage() }).any();

  app.post('/v1_1/:cloud/image/:action', parse, (req, res) => {
    const fields = req.body as Record<string, string>;
    const signed =
      req.params.cloud === FAKE_CLOUD.cloudName &&
      fields.api_key === FAKE_CLOUD.apiKey &&
      fields.signature === expectedSignature(fields, FAKE_CLOUD.apiSecret);
    if (!signed) {
      res.status(401).json({ error: { message: 'Invalid Signature' } });
      return;
    }
    if (req.params.action === 'upload') {
      const file = (req.files as Express.Multer.File[] | undefined)?.[0];
      if (!file) {
        res.status(400).json({ error: { message: 'Missing required parameter - file' } });
        return;
      }
      const folder = fields.folder ?? '';
      const name = fields.public_id ?? randomBytes(10).toString('hex');
      const publicId = folder ? `${folder}/${name}` : name;
      assets.set(publicId, { bytes: file.buffer, folder });
      calls.push(`upload ${publicId}`);
      res.json({
        public_id: publicId,
        version: 1,
        resource_type: 'image',
        bytes: file.size,
        secure_url: `https://res.cloudinary.test/${FAKE_CLOUD.cloudName}/image/upload/v1/${publicId}`,
      });
      return;
    }
    if (req.params.action === 'destroy') {
      const publicId = fields.public_id ?? '';
      calls.push(`destroy ${publicId}`);
      res.json({ result: assets.delete(publicId) ? 'ok' : 'not found' });
      return;
    }
    res.status(404).json({ error: { message: 'Unknown action' } });
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const { cloudName, apiKey, apiSecret } = FAKE_CLOUD;
  return {
    url: `cloudinary://${apiKey}:${apiSecret}@${cloudName}?upload_prefix=http://127.0.0.1:${port}`,
    assets,
    calls,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
