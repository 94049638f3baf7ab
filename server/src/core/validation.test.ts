import express, { type ErrorRequestHandler } from 'express';
import { body, matchedData, param, query, type Meta } from 'express-validator';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AppError } from './errors.js';
import {
  findOperatorKeys,
  holderOf,
  nestedBody,
  siblingOf,
  validate,
  validated,
} from './validation.js';
import { MAX_INPUT_DEPTH, readsMultipart } from './request-shape.js';

describe('findOperatorKeys', () => {
  it('finds $ keys at any depth, in objects and arrays', () => {
    expect(
      findOperatorKeys({
        email: { $ne: null },
        $where: 'x',
        nested: { list: [{ ok: 1 }, { $gt: 2 }] },
        fine: 'a $ inside a value is fine',
      }),
    ).toEqual(['email.$ne', '$where', 'nested.list[1].$gt']);
  });

  it('finds nothing in plain data', () => {
    expect(findOperatorKeys({ a: [1, 'b', { c: null }] })).toEqual([]);
    expect(findOperatorKeys(undefined)).toEqual([]);
    expect(findOperatorKeys('$ne')).toEqual([]);
  });
});

/** One POST route running `rules`; it answers what `validated(req)` holds, or the issues. */
function routeWith(path: string, ...rules: Parameters<typeof validate>) {
  const app = express();
  app.use(express.json());
  app.post(path, validate(...rules), (req, res) => {
    res.json(validated(req));
  });
  const render: ErrorRequestHandler = (error: AppError, _req, res, _next) => {
    res.status(error.status).json({ code: error.code, details: error.details });
  };
  app.use(render);
  return app;
}

const fieldsOf = (res: { body: { details: { field: string }[] } }) =>
  res.body.details.map((issue) => issue.field).sort();

describe('validate', () => {
  it('refuses keys no rule names, in the body and the query, even with a param rule only', async () => {
    const app = routeWith('/items/:id', param('id').isMongoId());
    const res = await request(app).post('/items/0123456789abcdef01234567?x=1').send({ a: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['a', 'x']);
    const clean = await request(app).post('/items/0123456789abcdef01234567').send({});
    expect(clean.body).toEqual({ id: '0123456789abcdef01234567' });
  });

  it('lets a route without rules take no input at all', async () => {
    const app = routeWith('/ping');
    expect((await request(app).post('/ping')).status).toBe(200);
    expect(fieldsOf(await request(app).post('/ping').send({ a: 1 }))).toEqual(['a']);
  });

  it('names a rule on the whole body "body" and keeps it out of validated()', async () => {
    const app = routeWith(
      '/notes',
      body('text').optional().isString(),
      body()
        .custom((value: object) => Object.keys(value).length > 0)
        .withMessage('Say something'),
    );
    const empty = await request(app).post('/notes').send({});
    expect(empty.body.details).toEqual([
      { field: 'body', location: 'body', message: 'Say something' },
    ]);
    expect((await request(app).post('/notes').send({ text: 'hi' })).body).toEqual({ text: 'hi' });
  });
});

describe('nestedBody', () => {
  const app = routeWith(
    '/lists',
    nestedBody(
      [body('items.*.n').isInt()],
      [body('items').isArray(), body('items.*').isObject().withMessage('Must be an object')],
    ),
  );

  it('finds unknown keys inside list items although the list and its items have rules', async () => {
    const res = await request(app)
      .post('/lists')
      .send({ items: [{ n: 1 }, { n: 2, extra: true }], more: 1 });
    expect(fieldsOf(res)).toEqual(['items[1].extra', 'more']);
    expect(
      fieldsOf(
        await request(app)
          .post('/lists')
          .send({ items: [3] }),
      ),
    ).toContain('items[0]');
  });

  it('refuses a null where a list or an item is expected instead of failing on it', async () => {
    for (const items of [null, [null], [{ n: null }]]) {
      const res = await request(app).post('/lists').send({ items });
      expect(res.status, JSON.stringify(items)).toBe(400);
    }
  });

  it('hands on the lists whole, empty ones included', async () => {
    const res = await request(app)
      .post('/lists')
      .send({ items: [{ n: 1 }] });
    expect(res.body).toEqual({ items: [{ n: 1 }] });
    expect((await request(app).post('/lists').send({ items: [] })).body).toEqual({ items: [] });
  });
});

describe('validate: shapes no rule accepts', () => {
  const app = routeWith('/any/:id', param('id').isString(), body('text').optional().isString());
  app.post(
    '/upload',
    readsMultipart((_req, _res, next) => next()),
    validate(),
    (_req, res) => {
      res.json({});
    },
  );

  it('refuses a body nested deeper than the limit without walking all of it', async () => {
    const deep = `${'{"text":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await request(app).post('/any/1').type('json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ message: `Nested deeper than ${MAX_INPUT_DEPTH} levels` }),
    ]);
  });

  it('refuses text and keys with lone surrogates', async () => {
    const res = await request(app)
      .post('/any/1')
      .type('json')
      .send('{"text":"a\\ud800b","\\udfff":1}');
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['text', '\udfff']);
    expect((await request(app).post('/any/1').send({ text: 'ok 😀' })).status).toBe(200);
  });

  it('refuses malformed percent-encoding in the query', async () => {
    const res = await request(app).post('/any/1?text=%E0%A4%A&x=%zz');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'text', location: 'query', message: 'Malformed percent-encoding' },
      { field: 'x', location: 'query', message: 'Malformed percent-encoding' },
    ]);
  });

  it('answers 415 to a body no parser read, multipart only where the route reads it', async () => {
    const text = await request(app).post('/any/1').type('text/plain').send('{"text":"a"}');
    expect(text.status).toBe(415);
    const form = await request(app).post('/any/1').field('text', 'a');
    expect(form.status).toBe(415);
    expect((await request(app).post('/upload').field('text', 'a')).status).toBe(200);
    expect((await request(app).post('/any/1')).status).toBe(200);
  });
});

describe('holderOf and siblingOf', () => {
  const meta = (path: string): Meta => ({
    req: { body: { start: 'root', weekly: [{ start: '09:00', end: '10:00' }, 5] } },
    location: 'body',
    path,
    pathValues: [],
  });

  it('read the object that holds a field, at any depth', () => {
    expect(siblingOf(meta('weekly[0].end'), 'start')).toBe('09:00');
    expect(siblingOf(meta('end'), 'start')).toBe('root');
    expect(holderOf(meta('weekly[0].end'))).toEqual({ start: '09:00', end: '10:00' });
  });

  it('find nothing beside a field of something that is not an object', () => {
    expect(holderOf(meta('weekly[1].end'))).toBe(5);
    expect(siblingOf(meta('weekly[1].end'), 'start')).toBeUndefined();
    expect(siblingOf(meta('missing[0].end'), 'start')).toBeUndefined();
  });
});

describe('validated', () => {
  /** What the library's matchedData answers, without the whole-location entry validated() drops. */
  const libraryValues = (req: express.Request) => {
    const { '': _whole, ...values } = matchedData<Record<string, unknown>>(req, {
      includeOptionals: false,
    });
    return values;
  };
  const rules = [
    query('role').optional({ values: 'falsy' }).isIn(['client', 'coach']),
    query('page').optional().isInt({ min: 1 }).toInt(),
    query('from').optional().isISO8601().toDate(),
    query('tag').optional().isString(),
    body('name').optional({ values: 'null' }).trim().isLength({ min: 1 }),
    body('count').isInt().toInt(),
    body('items.*.n').optional().isInt().toInt(),
    body('settings.theme').optional().isIn(['light', 'dark']),
    body().isObject(),
  ];
  const cases: [string, Record<string, unknown>, unknown][] = [
    [
      'plain query and body',
      { role: 'client', page: '2', from: '2026-12-02T10:00:00Z' },
      { count: '3' },
    ],
    ['empty and missing optionals', { role: '' }, { count: 1, name: null }],
    [
      'failed fields left out',
      { role: 'admin', page: 'x', tag: ['a', 'b'] },
      { count: 'many', name: ' ' },
    ],
    [
      'nested paths',
      {},
      { count: 2, items: [{ n: '1' }, { n: 'x' }], settings: { theme: 'dark' } },
    ],
    ['unsafe names', { constructor: 'x' }, { count: 1, __proto__: { polluted: true } }],
  ];

  it.each(cases)('answers what matchedData answers: %s', async (_name, queryValues, bodyValue) => {
    const req = {
      query: structuredClone(queryValues),
      body: structuredClone(bodyValue),
      params: {},
    } as unknown as express.Request;
    for (const rule of rules) await rule.run(req);
    expect(validated(req)).toEqual(libraryValues(req));
  });
});
