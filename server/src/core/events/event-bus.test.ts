import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import { createLogger } from '../logger.js';
import { requestContext } from '../request-context.js';
import type { BookingChange } from './domain-events.js';
import { createEventBus } from './event-bus.js';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ logLevel: 'debug', isProduction: true }, [
    new winston.transports.Stream({ stream }),
  ]);
  return { logger, lines };
}

const change: BookingChange = {
  booking: {
    bookingId: '65f000000000000000000001',
    coachId: '65f000000000000000000002',
    clientId: '65f000000000000000000003',
    status: 'confirmed',
    start: new Date('2026-12-10T09:00:00Z'),
    end: new Date('2026-12-10T10:00:00Z'),
    title: 'Intro call',
  },
  by: 'coach',
  at: new Date('2026-12-01T12:00:00Z'),
  reason: null,
};

describe('event bus', () => {
  it('delivers each published event once to every subscriber of that name, after publish returns', async () => {
    const bus = createEventBus(capturingLogger().logger);
    const seen: string[] = [];
    bus.subscribe('booking.confirmed', 'first', (event) => {
      seen.push(`first:${event.booking.bookingId}`);
    });
    bus.subscribe('booking.confirmed', 'second', async (event) => {
      seen.push(`second:${event.booking.status}`);
    });
    bus.subscribe('booking.declined', 'other', () => {
      seen.push('declined');
    });

    bus.publish('booking.confirmed', change);
    expect(seen).toEqual([]);
    await bus.settled();
    expect(seen.sort()).toEqual(['first:65f000000000000000000001', 'second:confirmed']);
  });

  it('logs a failing subscriber with the request id and still serves the others', async () => {
    const { logger, lines } = capturingLogger();
    const bus = createEventBus(logger);
    const delivered: string[] = [];
    bus.subscribe('booking.cancelled', 'mailer', () => {
      throw new Error('smtp down');
    });
    bus.subscribe('booking.cancelled', 'sockets', (event) => {
      delivered.push(event.booking.bookingId);
    });

    const app = express();
    app.use(requestContext());
    app.post('/cancel', (_req, res) => {
      bus.publish('booking.cancelled', { ...change, fee: { amount: 0, currency: 'EUR' } });
      res.status(200).json({ ok: true });
    });
    const res = await request(app).post('/cancel').set('X-Request-Id', 'req-cancel-7');
    await bus.settled();

    expect(res.status).toBe(200);
    expect(delivered).toEqual([change.booking.bookingId]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        subscriber: 'mailer',
        event: 'booking.cancelled',
        requestId: 'req-cancel-7',
        error: 'smtp down',
      }),
    );
  });

  it('stops delivering to a subscriber that unsubscribed', async () => {
    const bus = createEventBus(capturingLogger().logger);
    let calls = 0;
    const unsubscribe = bus.subscribe('user.suspended', 'counter', () => {
      calls += 1;
    });
    bus.publish('user.suspended', { userId: 'u1', by: 'a1', reason: 'spam' });
    await bus.settled();
    unsubscribe();
    bus.publish('user.suspended', { userId: 'u1', by: 'a1', reason: 'spam' });
    await bus.settled();
    expect(calls).toBe(1);
  });
});
