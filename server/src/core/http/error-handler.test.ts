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

  it('answers unknown /api routes with ROUTE_NOT_FOUND', async () => {
    const res = await request(appThrowing(null)).put('/api/whatever');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
