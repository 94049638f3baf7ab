/**
 * Coach directory search through the real server: createServer() on the embedded database (rate
 * limits off), 5,000 approved coaches inserted straight into it, then GET
 * /api/coaches?q=<word>&language=<code> (a $text search plus a filter, sorted by relevance, one
 * page of 20 with its total) against GET /health in the same run, so the ratio says what the
 * search costs on top of a request that does no work. Keep-alive HTTP, a few requests in flight.
 *
 *   npm run bench:coaches
 */
import { Agent } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COACH_SPECIALTIES, type CoachDirectoryPage } from '@coachhub/shared/coach';
import { Types } from 'mongoose';
import { loadConfig } from '../server/src/core/config/config.js';
import { Coach } from '../server/src/modules/coaches/coach.model.js';
import { User } from '../server/src/modules/users/user.model.js';
import { createServer } from '../server/src/server.js';
import { get, load, summary, type Sample } from './lib/http-load.js';
import { printTable } from './lib/stats.js';

const COACHES = 5_000;
const REQUESTS = 400;
const CONCURRENCY = 4;
const WARM_UP = 40;
const ROUNDS = 3;
const SEARCH = '/api/coaches?q=leadership&language=de';
const HEALTH = '/health';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt'];
const FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas'];
const LAST = ['Berg', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Horvat', 'Ito', 'Jensen'];
const TOPICS = ['managers', 'founders', 'parents', 'engineers', 'runners', 'teachers', 'nurses'];
const VOCABULARY = [
  'clarity',
  'habits',
  'growth',
  'balance',
  'focus',
  'teams',
  'career',
  'purpose',
  'energy',
  'resilience',
  'feedback',
  'goals',
];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function insertCoaches(): Promise<void> {
  const next = generator(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const now = new Date();
  const users = [];
  const coaches = [];
  for (let index = 0; index < COACHES; index++) {
    const userId = new Types.ObjectId();
    const firstName = pick(FIRST);
    const lastName = `${pick(LAST)}${index}`;
    const specialties = [...new Set([pick(COACH_SPECIALTIES), pick(COACH_SPECIALTIES)])];
    const languages = [...new Set(['en', pick(LANGUAGES), pick(LANGUAGES)])];
    const rated = next() < 0.8;
    users.push({
      _id: userId,
      email: `bench.coach${index}@example.com`,
      firstName,
      lastName,
      role: 'coach',
      status: 'active',
      locale: 'en',
      timeZone: 'Europe/Berlin',
      profilePicture: null,
      // Never used to sign in: these accounts only exist to be found.
      passwordHash: 'not-a-bcrypt-hash',
      createdAt: now,
      updatedAt: now,
    });
    coaches.push({
      user: userId,
      firstName,
      lastName,
      userStatus: 'active',
      headline: `${specialties[0]} coach for ${pick(TOPICS)}`,
      bio: Array.from({ length: 24 }, () => pick(VOCABULARY)).join(' '),
      specialties,
      languages,
      certifications: [],
      yearsOfExperience: Math.floor(next() * 25),
      timeZone: 'Europe/Berlin',
      coachProfilePicture: null,
      verification: {
        status: 'approved',
        reason: null,
        submittedAt: now,
        reviewedAt: now,
        reviewedBy: null,
      },
      listed: true,
      rating: rated
        ? { average: Math.round((3 + next() * 2) * 10) / 10, count: 1 + Math.floor(next() * 80) }
        : { average: 0, count: 0 },
      bookingSettings: null,
      priceFrom: { amount: 4000 + Math.floor(next() * 160) * 100, currency: 'EUR' },
      createdAt: now,
      updatedAt: now,
    });
  }
  // Straight through the driver: the benchmark measures searching, not Mongoose validation.
  await User.collection.insertMany(users);
  await Coach.collection.insertMany(coaches);
}

async function main(): Promise<void> {
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-bench-'));
  const { config } = loadConfig({
    // Always the embedded database (EMBEDDED_DB may pick the engine): the run inserts 5,000 coaches.
    ...(process.env.EMBEDDED_DB ? { EMBEDDED_DB: process.env.EMBEDDED_DB } : {}),
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_API_PER_MINUTE: '0',
    JWT_ACCESS_SECRET: 'bench-secret-bench-secret-bench-secret',
    UPLOADS_DIR: uploadsDir,
  });
  const server = await createServer(config);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const insertStart = performance.now();
    await insertCoaches();
    const insertMs = performance.now() - insertStart;
    const { port } = await server.listen(0);

    const probe = JSON.parse((await get(agent, port, SEARCH)).body) as CoachDirectoryPage;
    if (probe.total === 0 || probe.items.length === 0) throw new Error('the search found nothing');
    await load(agent, port, SEARCH, WARM_UP, CONCURRENCY);
    await load(agent, port, HEALTH, WARM_UP, CONCURRENCY);

    const search: Sample[] = [];
    const health: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      search.push(await load(agent, port, SEARCH, REQUESTS, CONCURRENCY));
      health.push(await load(agent, port, HEALTH, REQUESTS, CONCURRENCY));
    }
    const s = summary(search);
    const h = summary(health);
    printTable(
      ['request', 'requests/s', 'p50 (ms)', 'p95 (ms)'],
      [
        [`GET ${SEARCH}`, s.perSecond.toFixed(0), s.p50.toFixed(1), s.p95.toFixed(1)],
        [`GET ${HEALTH}`, h.perSecond.toFixed(0), h.p50.toFixed(1), h.p95.toFixed(1)],
      ],
    );
    console.log(
      `\nsearch: ${(s.perSecond / h.perSecond).toFixed(3)}x the /health rate ` +
        `(1 in ${(h.perSecond / s.perSecond).toFixed(1)}); each answer: 20 of ${probe.total} matches`,
    );
    console.log(
      `database: ${server.database.kind}; ${COACHES} coaches inserted in ${(insertMs / 1000).toFixed(1)} s; ` +
        `${ROUNDS} rounds x ${REQUESTS} requests, ${CONCURRENCY} in flight; node ${process.version}`,
    );
  } finally {
    agent.destroy();
    await server.close();
    await rm(uploadsDir, { recursive: true, force: true });
  }
}

await main();
