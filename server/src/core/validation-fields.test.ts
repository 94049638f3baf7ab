import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AppError } from './errors.js';
import { validate, validated } from './validation.js';
import { idField, instantField, instantQuery, localeField } from './validation-fields.js';

/** One POST route whose handler describes each validated value: its type and its JSON. */
function routeWith(...rules: Parameters<typeof validate>) {
  const app = express();
  app.use(express.json());
  app.post('/check', validate(...rules), (req, res) => {
    const values = Object.entries(validated<Record<string, unknown>>(req));
    res.json(Object.fromEntries(values.map(([key, value]) => [key, describeValue(value)])));
  });
  const render: ErrorRequestHandler = (error: AppError, _req, res, _next) => {
    res.status(error.status).json({ code: error.code, details: error.details });
  };
  app.use(render);
  return app;
}

const describeValue = (value: unknown) =>
  value instanceof Date ? { date: value.toISOString() } : { value };

const fieldsOf = (res: { body: { details: { field: string }[] } }) =>
  res.body.details.map((issue) => issue.field);

describe('instantField and instantQuery', () => {
  const app = routeWith(instantField('start'), instantQuery('from'));

  it('hand on a Date for an instant with a zone (the booking and quote `start`)', async () => {
    const res = await request(app)
      .post('/check?from=2026-03-30T00:00:00Z')
      .send({ start: '2026-03-30T09:00+02:00' });
    expect(res.body).toEqual({
      start: { date: '2026-03-30T07:00:00.000Z' },
      from: { date: '2026-03-30T00:00:00.000Z' },
    });
  });

  it.each(['soon', '2026-03-30T09:00:00', '2026-02-30T09:00:00Z', 1_774_857_600_000])(
    'refuses %j',
    async (start) => {
      const res = await request(app).post('/check').send({ start });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['start']);
    },
  );
});

describe('idField', () => {
  const app = routeWith(idField('coachId'));

  it('hands on one lowercased id', async () => {
    const res = await request(app).post('/check').send({ coachId: '0123456789ABCDEF01234567' });
    expect(res.body).toEqual({ coachId: { value: '0123456789abcdef01234567' } });
  });

  it.each([[[]], [['0123456789abcdef01234567']], [{ $oid: 'x' }], ['xyz']])(
    'refuses %j (express-validator would check a list item by item)',
    async (coachId) => {
      const res = await request(app).post('/check').send({ coachId });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toContain('coachId');
    },
  );
});

describe('localeField', () => {
  it('refuses a list holding a locale', async () => {
    const res = await request(routeWith(localeField()))
      .post('/check')
      .send({ locale: ['de'] });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['locale']);
  });
});
