import { request as httpRequest, Agent } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { BookingDTO } from '@coachhub/shared/booking';
import type { ConversationPage, MessageDTO } from '@coachhub/shared/conversation';
import { ERROR_CODES } from '@coachhub/shared/errors';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from './fixtures.js';
import { listRoutes, type RouteEntry } from './route-inventory.js';
import { createBookableCoach, futureAt } from './scheduling-fixtures.js';
import { startTestServer, type TestServer } from './test-server.js';

/*
 * Bad input on every route: the routes come from the router itself, so a new route is covered
 * without touching this file. Every case is sent anonymously and signed in; no answer may be a
 * 5xx, every error answer carries the API's error body, and a case that is the sender's fault
 * must be a 4xx. /health answers afterwards.
 */

type Identity = 'anonymous' | 'client' | 'coach' | 'admin';
const SIGNED_IN: Exclude<Identity, 'anonymous'>[] = ['coach', 'client', 'admin'];

interface FuzzCase {
  label: string;
  method: string;
  /** The raw request target, sent byte for byte (malformed percent-encoding included). */
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** False only where the input may be fine (unusual but valid text): then anything below 500. */
  expect4xx: boolean;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

let t: TestServer;
let port: number;
let routes: RouteEntry[];
const tokens: Partial<Record<Identity, string>> = {};
/** The identity that gets past each route's role check, so its validation is reached. */
const bestIdentity = new Map<RouteEntry, Exclude<Identity, 'anonymous'>>();
const realIds: Record<string, string> = {};
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, {
    // The limiters would answer 429 long before every case ran.
    RATE_LIMIT_API_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_IP: '0',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '0',
    RATE_LIMIT_REGISTER_PER_IP: '0',
    RATE_LIMIT_REFRESH_PER_IP: '0',
    LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
  });
  port = Number(new URL(t.baseUrl).port);
  const coach = await createBookableCoach();
  const [coachS, clientS, adminS]: SignedIn[] = await Promise.all([
    sessionFor(coach.user),
    createUser().then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
  tokens.coach = coachS?.accessToken;
  tokens.client = clientS?.accessToken;
  tokens.admin = adminS?.accessToken;
  // Real ids reach past "not found" into the handlers; other params get a fresh id.
  const booked = await t.http
    .post('/api/bookings')
    .set(bearer(clientS?.accessToken ?? ''))
    .send({ coachId: coach.user.id, sessionTypeId: coach.types[60], start: futureAt(3, '10:00') });
  expect(booked.status).toBe(201);
  await t.server.events.settled();
  const chats = await t.http.get('/api/conversations').set(bearer(clientS?.accessToken ?? ''));
  const conversationId = (chats.body as ConversationPage).items[0]?._id ?? '';
  const sent = await t.http
    .post(`/api/conversations/${conversationId}/messages`)
    .set(bearer(clientS?.accessToken ?? ''))
    .send({ body: 'Hello' });
  expect(sent.status).toBe(201);
  Object.assign(realIds, {
    userId: coach.user.id,
    '/api/bookings/': (booked.body as BookingDTO)._id,
    '/api/conversations/': conversationId,
    '/api/messages/': (sent.body as MessageDTO)._id,
  });

  routes = await listRoutes(t.server.app);
  await Promise.all(routes.map(async (route) => bestIdentity.set(route, await roleFor(route))));
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await t.close();
});

const FRESH_ID = new Types.ObjectId().toHexString();

function validIdFor(route: RouteEntry, param: string): string {
  if (realIds[param]) return realIds[param];
  const prefix = Object.keys(realIds).find(
    (key) => key.startsWith('/') && route.path.startsWith(key),
  );
  return prefix ? (realIds[prefix] ?? FRESH_ID) : FRESH_ID;
}

/** The route's path with each `:param` (and `*splat`) replaced; `raw` values are used as they are. */
function urlOf(route: RouteEntry, raw: Record<string, string> = {}, query = ''): string {
  const path = route.path
    .replace(/[{}]/g, '')
    .replace(/[:*](\w+)/g, (_match, name: string) => raw[name] ?? validIdFor(route, name));
  return `${path}${query}`;
}

function send(c: FuzzCase, who: Identity): Promise<Answer> {
  const body = c.body === undefined ? undefined : Buffer.from(c.body);
  const headers: Record<string, string> = {
    ...(who === 'anonymous' ? {} : bearer(tokens[who] ?? '')),
    ...(body ? { 'Content-Length': String(body.length) } : {}),
    ...c.headers,
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: c.method, path: c.url, headers, agent, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

async function roleFor(route: RouteEntry): Promise<Exclude<Identity, 'anonymous'>> {
  for (const who of SIGNED_IN) {
    const probe = { label: 'probe', method: route.method, url: urlOf(route), expect4xx: false };
    const { status } = await send({ ...probe, headers: JSON_TYPE, body: '{}' }, who);
    if (status !== 401 && status !== 403) return who;
  }
  return 'coach';
}

const ERROR_CODE_SET = new Set<string>(ERROR_CODES);

/** What is wrong with an answer to a bad case, or null. */
function problemWith(expect4xx: boolean, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (answer.status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      return `answered ${answer.status} without a JSON body: ${answer.text.slice(0, 100)}`;
    }
    const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
    if (
      !answer.contentType.startsWith('application/json') ||
      typeof error?.code !== 'string' ||
      !ERROR_CODE_SET.has(error.code) ||
      typeof error.message !== 'string'
    ) {
      return `answered ${answer.status} without the error body: ${answer.text.slice(0, 100)}`;
    }
    return null;
  }
  return expect4xx ? `answered ${answer.status} to bad input` : null;
}

/**
 * Sends every case anonymously and as the route's signed-in identity (every sixth case also as
 * the other two), a few at a time, and lists what went wrong.
 */
async function run(cases: [RouteEntry, FuzzCase][]): Promise<string[]> {
  const jobs = cases.flatMap(([route, c], index): [RouteEntry, FuzzCase, Identity][] => {
    const best = bestIdentity.get(route) ?? 'coach';
    const others = index % 6 === 0 ? SIGNED_IN.filter((who) => who !== best) : [];
    const identities: Identity[] = ['anonymous', best, ...others];
    return identities.map((who) => [route, c, who]);
  });
  const problems = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [route, c, who] = jobs[next++] as [RouteEntry, FuzzCase, Identity];
      const where = `${c.method} ${c.url.slice(0, 120)} [${c.label}] as ${who}`;
      try {
        // A route without validation (/health) may ignore a body it never reads.
        const problem = problemWith(c.expect4xx && route.validated, await send(c, who));
        if (problem) problems.add(`${where}: ${problem}`);
      } catch (error) {
        problems.add(`${where}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return [...problems];
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/**
 * `count` of `items` for the route at `routeIndex`, a different run of them for each route, so
 * that across the routes every item is sent while each route gets only a few.
 */
const pick = <T>(items: readonly T[], count: number, routeIndex: number): T[] =>
  items.length <= count
    ? [...items]
    : Array.from({ length: count }, (_, i) => items[(routeIndex * count + i) % items.length] as T);
const hasBody = (route: RouteEntry) => route.method !== 'GET' && route.method !== 'DELETE';
const bodyFields = (route: RouteEntry) => [
  ...new Set(route.fields.filter((f) => f.location === 'body' && f.path).map((f) => f.path)),
];
const queryFields = (route: RouteEntry) => [
  ...new Set(route.fields.filter((f) => f.location === 'query' && f.path).map((f) => f.path)),
];

/**
 * `{}` with a fresh copy of `value` at each path (`a.*.b` puts it in the first item of a list).
 * A path that holds others (`weekly` for `weekly.*.start`) is filled through them.
 */
function bodyWith(paths: string[], value: (path: string) => unknown): Record<string, unknown> {
  const split = (path: string) =>
    (path.match(/[^.[\]"']+/g) ?? []).map((key) => (key === '*' ? '0' : key));
  const leaves = paths.filter(
    (path) =>
      !paths.some(
        (other) =>
          other !== path && other.startsWith(path) && /^[.[]/.test(other.slice(path.length)),
      ),
  );
  const root: Record<string, unknown> = {};
  for (const path of leaves) {
    const keys = split(path);
    let holder: Record<string, unknown> = root;
    keys.forEach((key, index) => {
      if (index === keys.length - 1) {
        holder[key] = structuredClone(value(path));
        return;
      }
      const slot = holder[key];
      if (typeof slot !== 'object' || slot === null) {
        holder[key] = /^\d+$/.test(keys[index + 1] ?? '') ? [] : {};
      }
      holder = holder[key] as Record<string, unknown>;
    });
  }
  return root;
}

const jsonCase = (
  route: RouteEntry,
  label: string,
  body: unknown,
  expect4xx = true,
): [RouteEntry, FuzzCase] => [
  route,
  {
    label,
    method: route.method,
    url: urlOf(route),
    headers: JSON_TYPE,
    body: [...RAW_JSON].reduce(
      (text, [placeholder, raw]) => text.replaceAll(placeholder, raw),
      JSON.stringify(body),
    ),
    expect4xx,
  },
];

/** JSON text that JSON.stringify cannot make (own `__proto__` keys, deep nesting), by placeholder. */
const RAW_JSON = new Map<string, string>();
function rawJson(text: string): string {
  const placeholder = `<raw json ${RAW_JSON.size}>`;
  RAW_JSON.set(JSON.stringify(placeholder), text);
  return placeholder;
}
const PROTOTYPE_KEYS = rawJson(
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
);
const DEEP_LIST = rawJson(`${'['.repeat(3000)}${']'.repeat(3000)}`);

/**
 * Values of the wrong type for fields. `never` marks those no field takes (unknown keys, numbers
 * beyond every limit); the others are right for some field (text, a number, a flag, an empty list
 * or object), so a route may accept them.
 */
const WRONG_VALUES: { label: string; value: unknown; never?: true }[] = [
  { label: 'empty list', value: [] },
  { label: 'list', value: ['a', 1, null], never: true },
  { label: 'list of objects', value: [{ a: 1 }, {}], never: true },
  { label: 'object', value: {} },
  { label: 'object with keys', value: { a: 'b', nested: { c: [1] } }, never: true },
  { label: 'number', value: 42 },
  { label: 'negative', value: -1 },
  { label: 'fraction', value: 2.5 },
  { label: 'huge number', value: 1e308, never: true },
  { label: 'true', value: true },
  { label: 'false', value: false },
  { label: 'null', value: null },
  { label: 'empty string', value: '' },
  { label: 'word', value: 'x' },
  { label: 'numeric text', value: '007' },
  { label: 'impossible date', value: '2026-13-45T25:61:00Z' },
  { label: 'zero id', value: '000000000000000000000000' },
  { label: 'prototype keys', value: PROTOTYPE_KEYS, never: true },
];

const LONE_SURROGATES = ['\ud800', 'ab\udfffcd', '\udc00\ud800', `${'x'.repeat(10)}\udbff`];
const UNUSUAL_TEXT = [
  '\u0000\u0001\u001f',
  '\ufeff\u202e\u200b\u2028\u2029',
  'e\u0301'.repeat(300),
  '👩‍👩‍👧‍👦🏳️‍🌈'.repeat(40),
  '\u{10FFFF}\ufffe\uffff',
  '𝕏'.repeat(500),
];
const HUGE_TEXT = ['x'.repeat(90_000), '😀'.repeat(22_000)];
const TOO_LARGE_TEXT = '💩'.repeat(40_000);

describe('bad input on every route', () => {
  it('lists the routes from the router', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/bookings/:id/ics',
        'POST /api/conversations/:id/messages',
        'PUT /api/availability/:userId',
        'GET /health',
      ]),
    );
    expect(routes.length).toBeGreaterThan(50);
    const put = routes.find((route) => route.method === 'PUT' && route.path.startsWith('/api/av'));
    expect(bodyFields(put as RouteEntry)).toContain('weekly.*.start');
  });

  it('malformed and deeply nested JSON', async () => {
    const MALFORMED = [
      '{',
      '{"a":',
      "{'a':1}",
      '[1,]',
      '{"a":1}}',
      '{"a":1}garbage',
      'NaN',
      '"just a string"',
      '123',
      'null',
      '\u0000',
      '\ufeff{"a":1}',
      '{"a":"\\ud800"',
      '{"a":"\\x41"}',
    ];
    const deepObject = `${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}`;
    const deepList = `${'['.repeat(40_000)}${']'.repeat(40_000)}`;
    const cases = routes.flatMap((route, routeIndex) => {
      const url = urlOf(route);
      const raw = (label: string, body: string | Buffer): [RouteEntry, FuzzCase] => [
        route,
        { label, method: route.method, url, headers: JSON_TYPE, body, expect4xx: true },
      ];
      const fields = bodyFields(route);
      return [
        ...pick([...MALFORMED.entries()], 6, routeIndex).map(([index, text]) =>
          raw(`malformed #${index}`, text),
        ),
        raw('invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x7d])),
        raw('deep object', deepObject),
        raw('deep list', deepList),
        jsonCase(
          route,
          'deep list in every field',
          bodyWith(fields.length > 0 ? fields : ['a'], () => DEEP_LIST),
        ),
        jsonCase(route, 'top-level list', [{}]),
      ];
    });
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('wrong types at every field', async () => {
    const cases = routes.flatMap((route, routeIndex) => {
      const fields = bodyFields(route);
      const allAtOnce = pick(WRONG_VALUES, 8, routeIndex).map(({ label, value, never }) =>
        jsonCase(
          route,
          `every field ${label}`,
          bodyWith(fields, () => value),
          never === true,
        ),
      );
      // Each field alone with a few of the values (a different few for each field).
      const oneByOne = fields.flatMap((field, index) =>
        [0, 9].map((offset) => {
          const { label, value, never } = WRONG_VALUES[(index + offset) % WRONG_VALUES.length] ?? {
            label: 'null',
            value: null,
          };
          return jsonCase(
            route,
            `${field} ${label}`,
            bodyWith([field], () => value),
            never === true,
          );
        }),
      );
      const queryCases = queryFields(route).flatMap((field) =>
        ['', '-1', '1e309', 'null', '[]', '{}', 'x'.repeat(4000)].map(
          (value): [RouteEntry, FuzzCase] => [
            route,
            {
              label: `query ${field}`,
              method: route.method,
              url: urlOf(route, {}, `?${field}=${encodeURIComponent(value)}&unknown=1`),
              expect4xx: true,
            },
          ],
        ),
      );
      return [...(fields.length > 0 ? [...allAtOnce, ...oneByOne] : []), ...queryCases];
    });
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('huge and unusual unicode text, lone surrogates included', async () => {
    const cases = routes.flatMap((route) => {
      const fields = bodyFields(route);
      const body = hasBody(route) || fields.length > 0;
      const lone = fields.map((field, index) =>
        jsonCase(
          route,
          `${field} lone surrogate`,
          bodyWith([field], () => LONE_SURROGATES[index % LONE_SURROGATES.length]),
        ),
      );
      const huge = fields.map((field, index) =>
        jsonCase(
          route,
          `${field} huge`,
          bodyWith([field], () => HUGE_TEXT[index % HUGE_TEXT.length]),
        ),
      );
      const unusual = UNUSUAL_TEXT.map((text, index) =>
        jsonCase(
          route,
          `every field unusual #${index}`,
          bodyWith(fields, () => text),
          false,
        ),
      );
      const queries = queryFields(route).flatMap((field): [RouteEntry, FuzzCase][] =>
        [
          ['lone surrogate', '%ED%A0%80', true],
          ['unusual', encodeURIComponent(UNUSUAL_TEXT[1] ?? ''), false],
          ['long emoji', '%F0%9F%98%80'.repeat(600), false],
        ].map(([label, value, expect4xx]) => [
          route,
          {
            label: `query ${field} ${String(label)}`,
            method: route.method,
            url: urlOf(route, {}, `?${field}=${String(value)}`),
            expect4xx: Boolean(expect4xx),
          },
        ]),
      );
      return [
        ...(body
          ? [
              ...lone,
              ...huge,
              ...unusual,
              jsonCase(route, 'body over the limit', { a: TOO_LARGE_TEXT }),
            ]
          : []),
        ...queries,
      ];
    });
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('malformed percent-encoding and odd values in paths and queries', async () => {
    const GARBAGE_PARAMS = [
      'not-an-id',
      '%',
      '%zz',
      '%E0%A4%A',
      '%C0%80',
      '%ED%A0%80',
      '%FF%FE',
      '%00',
      '..%2F..%2Fetc%2Fpasswd',
      '__proto__',
      'constructor',
      '$where',
      '-1',
      '%F0%9F%92%A9'.repeat(400),
    ];
    const BAD_QUERIES = ['?%zz=1', '?a=%', '?a=%E0%A4%A', '?%ED%A0%80=1', '?=x', '?a[b]=1'];
    const cases = routes.flatMap((route) => {
      const params = route.params.flatMap((param) =>
        GARBAGE_PARAMS.map((value): [RouteEntry, FuzzCase] => [
          route,
          {
            label: `:${param} garbage`,
            method: route.method,
            url: urlOf(route, { [param]: value }),
            expect4xx: true,
          },
        ]),
      );
      const queries = [
        ...BAD_QUERIES,
        ...queryFields(route).map((field) => `?${field}=%E0%A4%A&${field}=%`),
      ].map((query): [RouteEntry, FuzzCase] => [
        route,
        {
          label: 'bad query',
          method: route.method,
          url: urlOf(route, {}, query),
          expect4xx: true,
        },
      ]);
      return [...params, ...queries];
    });
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('repeated query parameters', async () => {
    const cases = routes.flatMap((route) =>
      [...queryFields(route), 'page'].map((field): [RouteEntry, FuzzCase] => [
        route,
        {
          label: `repeated ${field}`,
          method: route.method,
          url: urlOf(route, {}, `?${field}=1&${field}=2&${field}=`),
          expect4xx: true,
        },
      ]),
    );
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('unknown and bogus Content-Encoding and Content-Type', async () => {
    const json = '{"a":1}';
    const ENCODINGS: [string, string | Buffer][] = [
      ['gzip', json],
      ['deflate', json],
      ['br', json],
      ['bogus', json],
      ['gzip, gzip', gzipSync(json)],
      ['x-gzip', json],
      ['compress', json],
      ['gzip', gzipSync(json).subarray(0, 12)],
      ['gzip', gzipSync(Buffer.alloc(5_000_000, 0x20))],
    ];
    const TYPES = [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'application/json; charset=utf-7',
      'application/json; charset=bogus',
      'application/json; charset=utf-16',
      'application/json;;;',
      ';',
      'application/',
      '*/*',
      'application/json, text/plain',
      'application/vnd.api+json',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'application/octet-stream',
    ];
    const cases = routes.flatMap((route, routeIndex) => {
      const url = urlOf(route);
      const encoded = pick(ENCODINGS, 4, routeIndex).map(
        ([encoding, body], index): [RouteEntry, FuzzCase] => [
          route,
          {
            label: `Content-Encoding ${encoding} #${index}`,
            method: route.method,
            url,
            headers: { ...JSON_TYPE, 'Content-Encoding': encoding },
            body,
            expect4xx: true,
          },
        ],
      );
      const typed = pick(TYPES, 6, routeIndex).map((type): [RouteEntry, FuzzCase] => [
        route,
        {
          label: `Content-Type ${type}`,
          method: route.method,
          url,
          headers: { 'Content-Type': type },
          body: json,
          expect4xx: true,
        },
      ]);
      return [...encoded, ...typed];
    });
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('bogus multipart bodies', async () => {
    const boundary = 'fuzzBoundary';
    const part = (headers: string, content: string | Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
        Buffer.from(content),
        Buffer.from('\r\n'),
      ]);
    const end = Buffer.from(`--${boundary}--\r\n`);
    const file = (name: string, filename = 'a.png') =>
      `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: image/png`;
    const field = (name: string) => `Content-Disposition: form-data; name="${name}"`;
    const BODIES: [string, Buffer][] = [
      ['empty', Buffer.alloc(0)],
      ['no parts', end],
      ['truncated', part(field('body'), 'hello').subarray(0, 30)],
      ['no closing boundary', part(field('body'), 'hello')],
      ['other boundary', Buffer.from('--other\r\n\r\nx\r\n--other--\r\n')],
      ['text as the image', Buffer.concat([part(file('file'), 'not an image'), end])],
      ['two files', Buffer.concat([part(file('file'), 'a'), part(file('file'), 'b'), end])],
      ['file in another field', Buffer.concat([part(file('picture'), 'a'), end])],
      [
        'too many fields',
        Buffer.concat([...['a', 'b', 'c', 'd', 'e', 'f'].map((n) => part(field(n), 'x')), end]),
      ],
      ['field too long', Buffer.concat([part(field('body'), 'x'.repeat(40_000)), end])],
      ['operator field', Buffer.concat([part(field('body[$ne]'), 'x'), end])],
      ['prototype field', Buffer.concat([part(field('__proto__[polluted]'), 'x'), end])],
      ['no disposition', Buffer.concat([part('Content-Type: text/plain', 'x'), end])],
      ['garbage part header', Buffer.concat([part('\u0000:::\r\n:', 'x'), end])],
      ['huge part header', Buffer.concat([part(`X-Fill: ${'h'.repeat(100_000)}`, 'x'), end])],
      [
        'odd filename',
        Buffer.concat([
          part(file('file', '../../\u0000\udcff.png'), Buffer.from([0x89, 0x50])),
          end,
        ]),
      ],
      [
        'invalid UTF-8 field',
        Buffer.concat([part(field('body'), Buffer.from([0xff, 0xed, 0xa0, 0x80])), end]),
      ],
    ];
    const TYPES = [
      `multipart/form-data; boundary=${boundary}`,
      'multipart/form-data',
      'multipart/mixed; boundary=x',
    ];
    const cases = routes.filter(hasBody).flatMap((route, routeIndex) =>
      pick(BODIES, 7, routeIndex).flatMap(([label, body], index): [RouteEntry, FuzzCase][] => [
        [
          route,
          {
            label: `multipart ${label}`,
            method: route.method,
            url: urlOf(route),
            // The right boundary mostly; the other headers on a rotation.
            headers: {
              'Content-Type': (index % 3 === 0 ? TYPES[index % TYPES.length] : TYPES[0]) ?? '',
            },
            body,
            // An empty body is no body, and bytes that are not UTF-8 still read as text (U+FFFD).
            expect4xx: body.length > 0 && !label.includes('UTF-8'),
          },
        ],
      ]),
    );
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('still answers /health and /ready after all of it', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
    expect((await t.http.get('/ready')).status).toBe(200);
  });
});
