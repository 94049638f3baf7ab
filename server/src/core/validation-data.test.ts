import type { Request } from 'express';
import { body, check, query, type ValidationChain } from 'express-validator';
import type { Context } from 'express-validator/lib/context.js';
import { describe, expect, it } from 'vitest';
import {
  getDataWithoutLodash,
  libraryGetData,
  librarySelectFields,
  selectPlainFields,
} from './validation-data.js';

/** The context a chain leaves after running on `req` (its field instances and values). */
async function contextOf(chain: ValidationChain, req: Partial<Request>): Promise<Context> {
  const result = await chain.run(req);
  // run() answers the chain's Context itself, typed read-only.
  return result.context as unknown as Context;
}

/** Both implementations on one context, with and without `requiredOnly`. */
function bothOn(context: Context) {
  const answers = (requiredOnly: boolean) => ({
    library: libraryGetData.call(context, { requiredOnly }),
    ours: (getDataWithoutLodash as unknown as typeof libraryGetData).call(context, {
      requiredOnly,
    }),
  });
  return { all: answers(false), required: answers(true) };
}

const cases: Array<[string, ValidationChain, Partial<Request>]> = [
  ['a plain field', body('name').isString(), { body: { name: 'Ada' } }],
  ['a missing field', body('name').isString(), { body: {} }],
  ['optional, absent', body('name').optional().isString(), { body: {} }],
  ['optional, null', body('name').optional().isString(), { body: { name: null } }],
  [
    'optional null, null',
    body('name').optional({ values: 'null' }).isString(),
    { body: { name: null } },
  ],
  [
    'optional null, empty',
    body('name').optional({ values: 'null' }).isString(),
    { body: { name: '' } },
  ],
  [
    'optional falsy, empty',
    body('name').optional({ values: 'falsy' }).isString(),
    { body: { name: '' } },
  ],
  [
    'optional falsy, zero and text',
    body(['count', 'name']).optional({ values: 'falsy' }),
    { body: { count: 0, name: 'x' } },
  ],
  [
    'several fields, integer-like names first as in an object',
    body(['b', '10', 'a', '2']).isString(),
    { body: { b: 'x', 10: 'y', a: 'z', 2: 'w' } },
  ],
  [
    'a wildcard',
    body('items.*.price').isNumeric(),
    { body: { items: [{ price: 1 }, { price: 'x' }, {}] } },
  ],
  [
    'several locations, one has it',
    check('id').isMongoId(),
    { body: {}, query: { id: 'abc' }, params: {}, cookies: {}, headers: {} },
  ],
  [
    'several locations, none has it',
    check('id').isMongoId(),
    { body: {}, query: {}, params: {}, cookies: {}, headers: {} },
  ],
  [
    'several locations, two have it',
    check('id').optional(),
    { body: { id: 'a' }, query: { id: 'b' }, params: {}, cookies: {}, headers: {} },
  ],
  ['a whole location', body().isObject(), { body: { a: 1 } }],
  ['a query value', query('page').optional().isInt(), { query: { page: '2' } }],
];

describe('getDataWithoutLodash', () => {
  it.each(cases)('answers what express-validator does: %s', async (_name, chain, req) => {
    const { all, required } = bothOn(await contextOf(chain, req));
    expect(all.ours).toEqual(all.library);
    expect(required.ours).toEqual(required.library);
    // The same instance objects: validators write sanitised values through them.
    all.ours.forEach((instance, index) => expect(instance).toBe(all.library[index]));
  });

  it('is the one express-validator uses', async () => {
    const req = { body: { name: '  Ada  ' } };
    const result = await body('name').trim().isLength({ min: 3 }).run(req);
    expect(result.isEmpty()).toBe(true);
    expect(req.body.name).toBe('Ada');
    const { Context: LibraryContext } = await import('express-validator/lib/context.js');
    expect(LibraryContext.prototype.getData).toBe(getDataWithoutLodash);
  });
});

describe('field selection without lodash', () => {
  const selections: Array<[string, string[], string[], Record<string, unknown>]> = [
    ['query keys', ['role', 'page'], ['query'], { query: { role: 'client', page: '2' } }],
    ['absent and empty', ['role', 'status'], ['query'], { query: { role: '' } }],
    ['no location object', ['name'], ['body'], { body: undefined }],
    ['a null location', ['name'], ['body'], { body: null }],
    ['a primitive body', ['length', 'name'], ['body'], { body: 'text' }],
    ['several locations', ['id'], ['body', 'params', 'query'], { params: { id: '1' }, body: {} }],
    ['a field named twice', ['a', 'a'], ['body'], { body: { a: 1 } }],
    ['a header', ['Idempotency-Key'], ['headers'], { headers: { 'idempotency-key': 'k' } }],
    ['odd but plain names', ['with space', 'dash-ed', '__proto__'], ['body'], { body: {} }],
    ['a nested path', ['a', 'b.c'], ['body'], { body: { a: 1, b: { c: 2 } } }],
    ['an index', ['0'], ['body'], { body: ['x'] }],
    ['a wildcard', ['items.*.n'], ['body'], { body: { items: [{ n: 1 }] } }],
    ['the whole location', [''], ['body'], { body: { a: 1 } }],
    ['brackets', ['a[0]', 'b["c"]'], ['body'], { body: { a: [1], b: { c: 2 } } }],
  ];

  it.each(selections)(
    'selects what express-validator does: %s',
    (_name, fields, locations, req) => {
      expect(selectPlainFields(req, fields, locations)).toEqual(
        librarySelectFields(req, fields, locations),
      );
    },
  );

  it('is the one express-validator uses', async () => {
    const req = { query: { page: '3' } };
    const result = await query('page').isInt().toInt().run(req);
    expect(result.isEmpty()).toBe(true);
    expect(req.query.page).toBe(3);
    const { createRequire } = await import('node:module');
    const library = createRequire(import.meta.url)('express-validator/lib/field-selection.js') as {
      selectFields: unknown;
    };
    expect(library.selectFields).toBe(selectPlainFields);
  });
});
