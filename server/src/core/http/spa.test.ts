import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpaRouter } from './spa.js';

let dist: string;
let app: express.Express;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'coachhub-spa-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
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
});
