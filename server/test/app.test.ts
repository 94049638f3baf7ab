import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, {
    CORS_ORIGINS: 'https://app.example.com',
  });
});
afterAll(() => t.close());

describe('health', () => {
  it('GET /health answers 200 { status: "ok" }', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 while the database answers', async () => {
    const res = await t.http.get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready' });
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/auth/nope'],
    ['DELETE', '/api/users/me'],
  ])('%s %s answers 404 ROUTE_NOT_FOUND in the API error format', async (method, url) => {
    const res = await t.http[method.toLowerCase() as 'get' | 'post' | 'delete'](url);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    const { error } = res.body as ApiErrorBody;
    expect(error).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: expect.stringContaining(url),
      requestId: res.headers['x-request-id'],
    });
  });

  it('answers unknown non-API paths with 404 too when no client build exists', async () => {
    const res = await t.http.get('/some/page');
    expect(res.status).toBe(404);
    expect((res.body as ApiErrorBody).error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('request id', () => {
  it('echoes a caller-supplied X-Request-Id', async () => {
    const res = await t.http.get('/health').set('X-Request-Id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('generates one when absent or unsafe', async () => {
    for (const header of [undefined, 'bad id\nwith newline', 'x'.repeat(300)]) {
      const call = t.http.get('/health');
      const res = await (header === undefined
        ? call
        : call.set('X-Request-Id', header.replace('\n', ' ')));
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('security headers and CORS', () => {
  it('sets helmet headers', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows listed origins with credentials and ignores others', async () => {
    const allowed = await t.http
      .options('/api/auth/login')
      .set('Origin', 'https://app.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');

    const other = await t.http.get('/health').set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
