/**
 * Two server processes sharing Redis, each keeping public reads in memory for a long time: a
 * profile edit or a new session type through one process shows on the other as soon as the
 * Redis message arrives (milliseconds; pub/sub does not order it before the client's next
 * request to the other process, so that is waited for, within a second, far below the 300 s the
 * answers would otherwise be kept). Two real processes of the server's entry point, one
 * memory-mongo process, one real redis-server.
 */
import type { SessionTypeDTO } from '@coachhub/shared/booking';
import type { CoachDTO } from '@coachhub/shared/coach';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { bearer, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  startRedisCluster,
  type RedisCluster,
  type ServerProcess,
} from '../../../test/processes.js';

const STARTUP_MS = 90_000;
const SOON = { timeout: 1000, interval: 20 };

let cluster: RedisCluster;
let processA: ServerProcess;
let processB: ServerProcess;
let coach: SignedIn;

beforeAll(async () => {
  cluster = await startRedisCluster('coachhub_public_read_processes', {
    PUBLIC_READ_CACHE_SECONDS: '300',
  });
  [processA, processB] = cluster.servers;
  coach = await sessionFor(await createTestCoach({ profile: { headline: 'Career coach' } }));
}, STARTUP_MS);

afterAll(async () => {
  await cluster?.stop();
});

const profileOn = async (on: ServerProcess) =>
  (await request(on.baseUrl).get(`/api/coaches/${coach.user._id}`)).body as CoachDTO;
const typesOn = async (on: ServerProcess) =>
  (await request(on.baseUrl).get(`/api/coaches/${coach.user._id}/session-types`))
    .body as SessionTypeDTO[];

describe('public read caches of two processes sharing Redis', () => {
  it('a profile edit through one process shows on the other within a second', async () => {
    for (const on of [processA, processB])
      expect((await profileOn(on)).headline).toBe('Career coach');
    const edited = await request(processA.baseUrl)
      .patch(`/api/coaches/${coach.user._id}`)
      .set(bearer(coach.accessToken))
      .send({ headline: 'Executive coach' });
    expect(edited.status).toBe(200);
    // The process that made the change: on the very next request.
    expect((await profileOn(processA)).headline).toBe('Executive coach');
    await expect
      .poll(async () => (await profileOn(processB)).headline, SOON)
      .toBe('Executive coach');
  });

  it('a new session type through one process shows on the other within a second', async () => {
    const before = await typesOn(processB);
    const created = await request(processA.baseUrl)
      .post('/api/session-types')
      .set(bearer(coach.accessToken))
      .send({ title: 'Strategy hour', durationMinutes: 60, mode: 'video' });
    expect(created.status).toBe(201);
    await expect
      .poll(async () => (await typesOn(processB)).map((type) => type.title), SOON)
      .toEqual([...before.map((type) => type.title), 'Strategy hour']);
  });
});
