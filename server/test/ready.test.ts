import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
});
afterAll(() => t.server.close());

describe('GET /ready without a database', () => {
  it('answers 503 once the database connection is gone, while /health stays 200', async () => {
    expect((await t.http.get('/ready')).status).toBe(200);
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    const res = await t.http.get('/ready');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable' });
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
