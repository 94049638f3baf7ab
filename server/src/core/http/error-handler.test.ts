import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { requestContext } from '../request-context.js';
import { apiRouteNotFound, errorHandler } from './error-handler.js';

function appThrowing(error: unknown) {
  const app = express();
  app.use(requestContext());
  app.get('/boom', () => {
    throw error;
  });
  app.use('/api', apiRouteNotFound);
  app.use(errorHandler(createLogger({ logLevel: 'silent', isProduction: true })));
  return app;
}

describe('errorHandler', () => {
  it('renders an AppError as { error: { code, message, details, requestId } }', async () => {
    const res = await request(
      appThrowing(new AppError(409, 'CONFLICT', 'Already done', { hint: 'x' })),
    ).get('/boom');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: {
        code: 'CONFLICT',
        message: 'Already done',
        details: { hint: 'x' },
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('answers unknown errors with 500 INTERNAL_ERROR and no internals', async () => {
    const res = await request(appThrowing(new Error('db password is hunter2'))).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('answers 400 to a :param whose percent-encoding does not decode', async () => {
    const app = express();
    app.get('/items/:id', (_req, res) => {
      res.json({});
    });
    app.use(errorHandler(createLogger({ logLevel: 'silent', isProduction: true })));
    for (const id of ['%zz', '%E0%A4%A', '%ED%A0%80']) {
      const res = await request(app).get(`/items/${id}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: '', location: 'params', message: 'Malformed percent-encoding' }],
      });
    }
  });

  it('answers 400 to a body that does not decompress as its Content-Encoding says', async () => {
    const app = express();
    app.use(express.json());
    app.post('/boom', (_req, res) => {
      res.json({});
    });
    app.use(errorHandler(createLogger({ logLevel: 'silent', isProduction: true })));
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await request(app)
        .post('/boom')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send('{"not":"compressed"}');
      expect(res.status, encoding).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it("still answers 500 to our own errors that look like the sender's", async () => {
    const uriError = Object.assign(new URIError('URI malformed'), { status: 500 });
    expect((await request(appThrowing(new URIError('URI malformed'))).get('/boom')).status).toBe(
      500,
    );
    expect((await request(appThrowing(uriError)).get('/boom')).status).toBe(500);
    const zlib = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });
    expect((await request(appThrowing(zlib)).get('/boom')).status).toBe(500);
  });

  it('answers unknown /api routes with ROUTE_NOT_FOUND', async () => {
    const res = await request(appThrowing(null)).put('/api/whatever');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
