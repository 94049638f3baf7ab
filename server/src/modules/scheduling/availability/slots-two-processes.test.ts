/**
 * Two server processes sharing Redis, each keeping slot inputs and booking lists for a long time
 * (300 s): a booking made through one process, and its cancellation, show in the very next slots
 * read and booking list on the other (the answer to the write waits until Redis took the clear).
 * Two real processes of the server's entry point, one memory-mongo process, one real redis-server.
 */
import type { BookingDTO, BookingPage, SlotsResponse } from '@coachhub/shared/booking';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../../test/fixtures.js';
import {
  startRedisCluster,
  type RedisCluster,
  type ServerProcess,
} from '../../../../test/processes.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../../test/scheduling-fixtures.js';

const STARTUP_MS = 90_000;

let cluster: RedisCluster;
let processA: ServerProcess;
let processB: ServerProcess;
let bookable: BookableCoach;
let client: SignedIn;

beforeAll(async () => {
  cluster = await startRedisCluster('coachhub_slot_read_processes', {
    PUBLIC_READ_CACHE_SECONDS: '300',
  });
  [processA, processB] = cluster.servers;
  bookable = await createBookableCoach({ availability: openAvailability('UTC') });
  client = await sessionFor(await createUser());
}, STARTUP_MS);

afterAll(async () => {
  await cluster?.stop();
});

const start = new Date(futureAt(5, '11:00')).toISOString();

async function slotStartsOn(on: ServerProcess): Promise<string[]> {
  const res = await request(on.baseUrl)
    .get(`/api/coaches/${bookable.user.id}/slots`)
    .query({
      sessionTypeId: bookable.types[60] ?? '',
      from: futureAt(5, '00:00'),
      to: futureAt(6, '00:00'),
    });
  expect(res.status).toBe(200);
  return (res.body as SlotsResponse).slots.map((slot) => slot.start);
}

async function bookingStatusesOn(on: ServerProcess): Promise<string[]> {
  const res = await request(on.baseUrl)
    .get('/api/bookings?role=client')
    .set(bearer(client.accessToken));
  expect(res.status).toBe(200);
  return (res.body as BookingPage).items.map((item) => item.status);
}

describe('slot reads of two processes sharing Redis', () => {
  it('a booking and its cancellation through one process show on the next read on the other', async () => {
    for (const on of [processA, processB]) {
      expect(await slotStartsOn(on)).toContain(start);
      expect(await bookingStatusesOn(on)).toEqual([]);
    }
    const booked = await request(processA.baseUrl)
      .post('/api/bookings')
      .set(bearer(client.accessToken))
      .send({ coachId: bookable.user.id, sessionTypeId: bookable.types[60], start });
    expect(booked.status).toBe(201);
    expect(await slotStartsOn(processB)).not.toContain(start);
    expect(await bookingStatusesOn(processB)).toEqual(['confirmed']);

    const cancelled = await request(processA.baseUrl)
      .post(`/api/bookings/${(booked.body as BookingDTO)._id}/cancel`)
      .set(bearer(client.accessToken))
      .send({});
    expect(cancelled.status).toBe(200);
    expect(await slotStartsOn(processB)).toContain(start);
    expect(await bookingStatusesOn(processB)).toEqual(['cancelled']);
  });
});
