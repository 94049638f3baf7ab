import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import request from 'supertest';
import { expect, inject } from 'vitest';
import { loadConfig } from '../src/core/config/config.js';
import { createServer, type CoachHubServer } from '../src/server.js';
import { contractChecked } from './contract.js';

export const TEST_JWT_SECRET = 'test-only-secret-test-only-secret-0123';

/** `mongodb://host:port/?opts` -> `mongodb://host:port/<name>?opts` (single-host URIs, as the embedded engines give). */
export function withDatabaseName(uri: string, name: string): string {
  const [base = '', query] = uri.split('?');
  const hostPart = base.replace(/^(mongodb(?:\+srv)?:\/\/[^/]+).*$/, '$1');
  return `${hostPart}/${name}${query ? `?${query}` : ''}`;
}

export interface TestServer {
  server: CoachHubServer;
  baseUrl: string;
  /** supertest bound to the listening server; every answer is checked against the OpenAPI document (contract.ts). */
  http: ReturnType<typeof request>;
  /** Every response body this server sent, for checks such as "no password hash ever". */
  responseBodies: string[];
  /** This server's own UPLOADS_DIR (a temporary folder, removed on close) unless env sets one. */
  uploadsDir: string;
  close(): Promise<void>;
}

/** A body as the client reads it: compressed answers are checked in plain text too. */
function decoded(body: Buffer, encoding: unknown): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

/** Records each response body; prepended so it sees bodies written synchronously too. */
function captureBodies(bodies: string[]) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    // Node's overloads of write/end cannot be restated precisely; the wrappers pass arguments through.
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk);
      bodies.push(decoded(Buffer.concat(chunks), res.getHeader('content-encoding')));
      return end(chunk, ...rest);
    }) as typeof res.end;
  };
}

/**
 * A listening server on its own database inside the run's database server; `close()` drops
 * that database and checks that no response ever carried a password hash.
 */
export async function startTestServer(
  testFile: string,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const fileName = path.basename(testFile).replace(/\W+/g, '_').slice(0, 30);
  const dbName = `t_${fileName}_${randomUUID().slice(0, 8)}`;
  // Tests never write into the repository's server/uploads.
  const tempUploads = await mkdtemp(path.join(tmpdir(), 'coachhub-uploads-'));
  const { config } = loadConfig({
    NODE_ENV: 'test',
    MONGODB_URI: withDatabaseName(inject('mongoUri'), dbName),
    JWT_ACCESS_SECRET: TEST_JWT_SECRET,
    CLIENT_DIST_DIR: path.join(import.meta.dirname, 'no-client-build'),
    UPLOADS_DIR: tempUploads,
    ...env,
  });
  const server = await createServer(config);
  const responseBodies: string[] = [];
  server.httpServer.prependListener('request', captureBodies(responseBodies));
  const address = await server.listen(0);
  return {
    server,
    baseUrl: `http://127.0.0.1:${address.port}`,
    http: contractChecked(request(server.httpServer)),
    responseBodies,
    uploadsDir: config.uploads.dir,
    async close() {
      expectNoPasswordHashes(responseBodies);
      await mongoose.connection.dropDatabase();
      await server.close();
      await rm(tempUploads, { recursive: true, force: true });
    },
  };
}

const BCRYPT_HASH = /\$2[aby]\$\d{2}\$/;

export function expectNoPasswordHashes(bodies: string[]): void {
  for (const body of bodies) {
    expect(body).not.toMatch(/passwordHash/i);
    expect(body).not.toMatch(BCRYPT_HASH);
  }
}
