import { describe, expect, it } from 'vitest';
import { contractViolation } from './contract.js';

const json = (status: number, body: unknown) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
  text: JSON.stringify(body),
});

describe('the contract check of test responses', () => {
  it('accepts an answer the document describes', () => {
    expect(contractViolation('get', '/health', json(200, { status: 'ok' }))).toBeUndefined();
    const refused = json(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } });
    expect(contractViolation('get', '/api/users/me', refused)).toBeUndefined();
  });

  it('refuses a body that does not match, an unlisted status or code, and unknown routes', () => {
    expect(contractViolation('get', '/health', json(200, { status: 'fine' }))).toMatch(
      /does not match/,
    );
    expect(contractViolation('get', '/health', json(201, { status: 'ok' }))).toMatch(
      /status not documented/,
    );
    const wrongCode = json(409, { error: { code: 'EMAIL_TAKEN', message: 'x' } });
    expect(contractViolation('post', '/api/bookings', wrongCode)).toMatch(/not listed/);
    const extraField = json(200, { status: 'ok', secret: 1 });
    expect(contractViolation('get', '/health', extraField)).toMatch(/additional/);
    expect(contractViolation('get', '/api/nowhere', json(200, {}))).toMatch(/not in the OpenAPI/);
    const notFound = json(404, { error: { code: 'ROUTE_NOT_FOUND', message: 'No route' } });
    expect(contractViolation('get', '/api/nowhere', notFound)).toBeUndefined();
  });
});
