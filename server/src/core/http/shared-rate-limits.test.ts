/**
 * Rate limits count across server processes when REDIS_URL is set: a client that lands on two
 * processes behind one address gets one allowance, not one per process. Two real processes of
 * the server's entry point, one database process, one real redis-server.
 */
import type { ConversationDTO } from '@coachhub/shared/conversation';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor } from '../../../test/fixtures.js';
import {
  startRedisCluster,
  type RedisCluster,
  type ServerProcess,
} from '../../../test/processes.js';

const STARTUP_MS = 90_000;
const LOGINS_PER_ADDRESS = 4;

let cluster: RedisCluster;
let processA: ServerProcess;
let processB: ServerProcess;

beforeAll(async () => {
  cluster = await startRedisCluster('coachhub_shared_rate_limits', {
    RATE_LIMIT_LOGIN_PER_IP: String(LOGINS_PER_ADDRESS),
    RATE_LIMIT_WINDOW_SECONDS: '600',
  });
  [processA, processB] = cluster.servers;
}, STARTUP_MS);

afterAll(() => cluster?.stop());

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
