import { parse } from 'node:querystring';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createQueryParser } from './query-parser.js';

const QUERIES = [
  '',
  'role=client',
  'sessionTypeId=6b0f&from=2026-12-02T08%3A00%3A00.000Z&to=2027-01-01T08%3A00%3A00.000Z&timeZone=Europe%2FBerlin',
  'a=1&a=2&a=3&b=',
  'q=leadership+coach&language=de&x[$ne]=1',
  'bad=%E0%A4%A&%zz=1&=empty&&plain',
  '__proto__=1&constructor=2',
];

describe('createQueryParser', () => {
  it('reads every query as Express 5 does (node querystring)', () => {
    const parseQuery = createQueryParser();
    for (const query of [...QUERIES, ...QUERIES]) {
      const parsed = parseQuery(query);
      expect(parsed).toEqual(parse(query));
      expect(Object.getPrototypeOf(parsed)).toBeNull();
      expect(Object.keys(parsed)).toEqual(Object.keys(parse(query)));
    }
    expect(parseQuery(null)).toEqual(parse(''));
    expect(parseQuery(undefined)).toEqual(parse(''));
  });

  it('answers each call with its own copy: a write into one reaches no later read', () => {
    const parseQuery = createQueryParser();
    const first = parseQuery('a=1&a=2&b=x');
    first.b = 'changed';
    (first.a as string[]).push('3');
    delete first.a;
    first.c = 'added';
    expect(parseQuery('a=1&a=2&b=x')).toEqual(parse('a=1&a=2&b=x'));
  });

  it('is what req.query reads in an app that sets it', async () => {
    const app = express();
    app.set('query parser', createQueryParser());
    app.get('/', (req, res) => {
      const before = req.query;
      (before as Record<string, unknown>).from = 'written';
      res.json({ before, after: req.query, same: before === req.query });
    });
    const res = await request(app).get('/?from=2026-12-02T08%3A00%3A00Z&a=1&a=2');
    const expected = { from: '2026-12-02T08:00:00Z', a: ['1', '2'] };
    expect(res.body).toEqual({
      before: { ...expected, from: 'written' },
      after: expected,
      same: false,
    });
  });
});
