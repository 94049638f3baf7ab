import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpaRouter } from './spa.js';

let dist: string;
let app: express.Express;
const BIG_SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))};\n`;
const PAGE = `<!doctype html><title>CoachHub</title><div id="root"></div>${'<!-- padding -->'.repeat(80)}`;

/** Writes a file with the encoded copies the client build writes next to it. */
async function writePrecompressed(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  await writeFile(`${file}.br`, brotliCompressSync(text));
  await writeFile(`${file}.gz`, gzipSync(text));
}

/** The body as bytes (supertest decodes br and gzip; Content-Length tells what was sent). */
function rawBody(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'coachhub-spa-'));
  await mkdir(path.join(dist, 'assets'));
  await writePrecompressed(path.join(dist, 'index.html'), PAGE);
  await writeFile(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  await writePrecompressed(path.join(dist, 'assets', 'words-def456.js'), BIG_SCRIPT);
  const spa = createSpaRouter(dist);
  app = express();
  app.get('/api/ping', (_req, res) => void res.json({ pong: true }));
  if (spa) app.use(spa);
  app.use((_req, res) => void res.status(404).json({ error: { code: 'ROUTE_NOT_FOUND' } }));
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describe('createSpaRouter', () => {
  it('is skipped when the client is not built', () => {
    expect(createSpaRouter(path.join(dist, 'missing'))).toBeNull();
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['/', '/coaches/123', '/de/bookings?tab=past']) {
      const res = await request(app).get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('id="root"');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves fingerprinted assets with a long cache', async () => {
    const res = await request(app).get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });

  it('never answers API or socket paths, nor non-GET requests, with the page', async () => {
    expect((await request(app).get('/api/unknown')).status).toBe(404);
    expect((await request(app).get('/socket.io/x')).status).toBe(404);
    expect((await request(app).post('/coaches')).status).toBe(404);
    expect((await request(app).get('/api/ping')).body).toEqual({ pong: true });
  });

  it('sends a precompressed asset as brotli, gzip or as is, by what the browser accepts', async () => {
    const url = '/assets/words-def456.js';
    const br = await rawBody(request(app).get(url).set('Accept-Encoding', 'gzip, deflate, br'));
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((br.body as Buffer).toString()).toBe(BIG_SCRIPT);
    expect(Number(br.headers['content-length'])).toBe(brotliCompressSync(BIG_SCRIPT).length);

    const gz = await rawBody(request(app).get(url).set('Accept-Encoding', 'gzip'));
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^text\/javascript/);
    expect(gz.headers.vary).toMatch(/Accept-Encoding/);
    expect((gz.body as Buffer).toString()).toBe(BIG_SCRIPT);
    expect(Number(gz.headers['content-length'])).toBe(gzipSync(BIG_SCRIPT).length);

    const plain = await rawBody(request(app).get(url).set('Accept-Encoding', 'identity'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((plain.body as Buffer).toString()).toBe(BIG_SCRIPT);

    // An encoding refused outright is never sent; no header at all means as is.
    const noBrotli = await request(app).get(url).set('Accept-Encoding', 'br;q=0, gzip');
    expect(noBrotli.headers['content-encoding']).toBe('gzip');
    const noHeader = await rawBody(request(app).get(url).set('Accept-Encoding', ''));
    expect(noHeader.headers['content-encoding']).toBeUndefined();
  });

  it('sends the page precompressed too, never to be kept without asking again', async () => {
    for (const url of ['/', '/coaches/123']) {
      const res = await rawBody(request(app).get(url).set('Accept-Encoding', 'br'));
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect((res.body as Buffer).toString()).toBe(PAGE);
      expect(Number(res.headers['content-length'])).toBe(brotliCompressSync(PAGE).length);
    }
  });
});
