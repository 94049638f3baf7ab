/**
 * Rate limits count across server processes when REDIS_URL is set: a client that lands on two
 * processes behind one address gets one allowance, not one per process. Two real processes of
 * the server's entry point, one database process, one real redis-server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConversationDTO } from '@coachhub/shared/conversation';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import mongoose from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor } from '../../../test/fixtures.js';
import {
  startEngineProcess,
  startRedisServer,
  startServerProcess,
  stopProcess,
  type EngineProcess,
  type ServerProcess,
} from '../../../test/processes.js';
import { withDatabaseName } from '../../../test/test-server.js';

const STARTUP_MS = 90_000;
const LOGINS_PER_ADDRESS = 4;

let engine: EngineProcess;
let redis: Awaited<ReturnType<typeof startRedisServer>>;
let processA: ServerProcess;
let processB: ServerProcess;
let uploadsDir: string;

beforeAll(async () => {
  [engine, redis] = await Promise.all([startEngineProcess(), startRedisServer()]);
  const uri = withDatabaseName(engine.uri, 'coachhub_shared_rate_limits');
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-limits-'));
  const env = {
    REDIS_URL: redis.url,
    RATE_LIMIT_LOGIN_PER_IP: String(LOGINS_PER_ADDRESS),
    RATE_LIMIT_WINDOW_SECONDS: '600',
  };
  [processA, processB] = await Promise.all([
    startServerProcess(uri, uploadsDir, env),
    startServerProcess(uri, uploadsDir, env),
  ]);
  await mongoose.connect(uri);
}, STARTUP_MS);

afterAll(async () => {
  await Promise.all([processA, processB].map((server) => stopProcess(server?.child)));
  await stopProcess(redis?.child);
  await stopProcess(engine?.child);
  await mongoose.disconnect();
  await rm(uploadsDir, { recursive: true, force: true });
});

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;

describe('rate limits shared through Redis', () => {
  it('counts one address’s logins on both processes together', async () => {
    const user = await createUser();
    const login = (server: ServerProcess) =>
      request(server.baseUrl)
        .post('/api/auth/login')
        .send({ email: user.email, password: 'not the password!' });
    for (const server of [processA, processB, processA, processB]) {
      expect((await login(server)).status).toBe(401);
    }
    // Each process has seen two; together they have seen the four allowed.
    for (const server of [processA, processB]) {
      const refused = await login(server);
      expect(refused.status).toBe(429);
      expect(codeOf(refused.body)).toBe('RATE_LIMITED');
    }
  });

  it('counts a sender’s messages on both processes together', async () => {
    const [coach, client] = await Promise.all([
      createTestCoach().then(sessionFor),
      createUser().then(sessionFor),
    ]);
    const opened = await request(processA.baseUrl)
      .post('/api/conversations')
      .set(bearer(client.accessToken))
      .send({ participantId: coach.user._id });
    expect(opened.status).toBe(201);
    const { _id: conversationId } = opened.body as ConversationDTO;
    const send = (server: ServerProcess, index: number) =>
      request(server.baseUrl)
        .post(`/api/conversations/${conversationId}/messages`)
        .set(bearer(client.accessToken))
        .send({ body: `message ${index}` });
    // 20 in 10 seconds in all: ten through each process.
    for (let index = 0; index < 20; index += 1) {
      const res = await send(index % 2 === 0 ? processA : processB, index);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const over = await send(processB, 20);
    expect(over.status).toBe(429);
    expect(codeOf(over.body)).toBe('RATE_LIMITED');
  });
});
