import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import { createLogger } from './logger.js';
import { requestContext } from './request-context.js';

function capturingLogger(isProduction: boolean) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ logLevel: 'debug', isProduction }, [
    new winston.transports.Stream({ stream }),
  ]);
  return { logger, lines };
}

describe('logger', () => {
  it('writes JSON in production with the request id of the request being served', async () => {
    const { logger, lines } = capturingLogger(true);
    const app = express();
    app.use(requestContext());
    app.get('/work', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('working');
      res.end();
    });
    const res = await request(app).get('/work').set('X-Request-Id', 'req-42');
    expect(res.headers['x-request-id']).toBe('req-42');
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', message: 'working', requestId: 'req-42' });
  });

  it('writes readable lines in development and nothing outside a request carries an id', () => {
    const { logger, lines } = capturingLogger(false);
    logger.warn('plain', { port: 5000 });
    expect(lines[0]).toMatch(/warn.*plain \{"port":5000\}/);
    expect(lines[0]).not.toMatch(/ \[[\w-]+\] /);
  });

  it('is silent when asked to be', () => {
    expect(createLogger({ logLevel: 'silent', isProduction: false }).silent).toBe(true);
  });
});
