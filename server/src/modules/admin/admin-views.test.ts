import type { AdminUserDTO, AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { BookingDTO, BookingPage } from '@coachhub/shared/booking';
import type { Page } from '@coachhub/shared/pagination';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPendingCoach } from '../../../test/coach-fixtures.js';
import { createUser, sessionFor, type SignedIn, type TestUser } from '../../../test/fixtures.js';
import { as, errorOf, fieldsOf, notificationsOf } from '../../../test/report-fixtures.js';
import { listRoutes } from '../../../test/route-inventory.js';
import {
  createBookableCoach,
  futureAt,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { AuditLog } from '../audit/audit-log.model.js';

let t: TestServer;
let admin: SignedIn;
let otherAdmin: SignedIn;
let ada: SignedIn;
let bob: SignedIn;
let client: SignedIn;
let coach: SignedIn;
let suspended: SignedIn;
let spammer: TestUser;
let carla: BookableCoach;
let booking: BookingDTO;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  carla = await createBookableCoach({
    coach: { firstName: 'Carla', lastName: 'Kaiser', email: 'carla@coaches.example' },
  });
  [admin, otherAdmin, ada, bob, client, coach, suspended] = await Promise.all([
    createUser({ role: 'admin', firstName: 'Ann', lastName: 'Admin' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
    createUser({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada.l@example.org' }).then(
      sessionFor,
    ),
    createUser({ firstName: 'Bob', lastName: 'Baker', email: 'bob+a.b@example.org' }).then(
      sessionFor,
    ),
    createUser().then(sessionFor),
    sessionFor(carla.user),
    createUser({ firstName: 'Sus', status: 'suspended' }).then(sessionFor),
  ]);
  spammer = await createUser({ firstName: 'Spam' });
  const res = await t.http
    .post('/api/bookings')
    .set(as(ada))
    .send({ coachId: carla.user.id, sessionTypeId: carla.types[60], start: futureAt(3, '10:00') });
  expect(res.status).toBe(201);
  booking = res.body as BookingDTO;
  await t.http
    .post(`/api/admin/users/${spammer.id}/suspend`)
    .set(as(admin))
    .send({ reason: 'Spam' })
    .expect(200);
});
afterAll(() => t.close());

const get = (path: string, who: SignedIn = admin) => t.http.get(path).set(as(who));

describe('the admin routes: who may call them', () => {
  const calls: [string, string, object?][] = [
    ['GET', '/api/admin/stats'],
    ['GET', '/api/admin/users'],
    ['POST', '/api/admin/users/{user}/warn', { reason: 'x' }],
    ['GET', '/api/admin/reports'],
    ['GET', '/api/admin/reports/0123456789abcdef01234567'],
    [
      'POST',
      '/api/admin/reports/0123456789abcdef01234567/resolve',
      { action: 'dismiss', note: 'x' },
    ],
    ['GET', '/api/admin/bookings'],
    ['GET', '/api/admin/audit-log'],
  ];

  it('answers 401 anonymous, 403 clients, coaches and suspended accounts', async () => {
    for (const [method, template, body] of calls) {
      const path = template.replace('{user}', bob.user._id);
      const send = (who: SignedIn | null) => {
        const req = method === 'GET' ? t.http.get(path) : t.http.post(path).send(body ?? {});
        return who ? req.set(as(who)) : req;
      };
      const anonymous = await send(null);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      for (const who of [client, ada, coach]) {
        const res = await send(who);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(errorOf(res.body).code).toBe('FORBIDDEN');
      }
      expect(errorOf((await send(suspended)).body).code).toBe('ACCOUNT_SUSPENDED');
    }
  });
});

describe('GET /api/admin/users', () => {
  const list = async (query: string) => {
    const res = await get(`/api/admin/users?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Page<AdminUserDTO>;
  };

  it('searches names and e-mail, case-insensitive, every word', async () => {
    expect((await list('q=LOVE')).items.map((user) => user._id)).toEqual([ada.user._id]);
    expect((await list('q=ada%20lovelace')).items.map((user) => user._id)).toEqual([ada.user._id]);
    expect((await list('q=coaches.example')).items.map((user) => user._id)).toEqual([
      carla.user.id,
    ]);
  });

  it('reads the search literally: regular-expression characters match themselves', async () => {
    expect((await list('q=bob%2Ba.b')).items.map((user) => user._id)).toEqual([bob.user._id]);
    // As a pattern, ".*" would match everyone.
    expect((await list('q=.*')).total).toBe(0);
    expect((await list('q=(')).total).toBe(0);
  });

  it('filters by role and status, with the coach’s verification', async () => {
    const coaches = await list('role=coach');
    expect(coaches.items).toEqual([
      expect.objectContaining({ _id: carla.user.id, coachVerification: 'approved' }),
    ]);
    const admins = await list('role=admin&sort=name');
    expect(admins.total).toBe(2);
    expect(
      admins.items.every((user) => user.role === 'admin' && user.coachVerification === null),
    ).toBe(true);
    const blocked = await list('status=suspended&sort=name');
    expect(blocked.items.map((user) => user._id).sort()).toEqual(
      [suspended.user._id, spammer.id].sort(),
    );
    expect(JSON.stringify(blocked)).not.toMatch(/passwordHash/);
  });

  it('sorts and pages on the server', async () => {
    const everyone = await list('sort=email&limit=100');
    const emails = everyone.items.map((user) => user.email);
    expect(emails).toEqual([...emails].sort());
    const page2 = await list('sort=email&limit=2&page=2');
    expect(page2).toMatchObject({ page: 2, limit: 2, total: everyone.total });
    expect(page2.items.map((user) => user.email)).toEqual(emails.slice(2, 4));
    const newest = await list('limit=100');
    const times = newest.items.map((user) => user.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('refuses unknown values and parameters with 400', async () => {
    for (const query of ['role=owner', 'status=gone', 'sort=age', 'limit=101', 'q[$ne]=x', 'x=1']) {
      const res = await get(`/api/admin/users?${query}`);
      expect(res.status, query).toBe(400);
      expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    }
    expect(fieldsOf((await get(`/api/admin/users?q=${'a'.repeat(201)}`)).body)).toEqual(['q']);
  });
});

describe('POST /api/admin/users/:id/warn', () => {
  const warn = (id: string, body: object, who: SignedIn = admin) =>
    t.http.post(`/api/admin/users/${id}/warn`).set(as(who)).send(body);

  it('notifies the user with the reason (en/de text by key) and writes user.warn', async () => {
    const res = await warn(bob.user._id, { reason: '  Be kind in chats  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ _id: bob.user._id, status: 'active' });
    const [notification] = await notificationsOf(t, bob);
    expect(notification).toMatchObject({
      type: 'account.warned',
      key: 'notifications.account.warned',
      params: { reason: 'Be kind in chats' },
    });
    const entries = await AuditLog.find({ action: 'user.warn', targetId: bob.user._id }).lean();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.reason).toBe('Be kind in chats');
  });

  it('answers 400 without a reason, 404 for nobody, 403 for oneself', async () => {
    expect(fieldsOf((await warn(bob.user._id, {})).body)).toEqual(['reason']);
    expect((await warn('nope', { reason: 'x' })).status).toBe(400);
    expect((await warn('0123456789abcdef01234567', { reason: 'x' })).status).toBe(404);
    const self = await warn(admin.user._id, { reason: 'x' });
    expect(self.status).toBe(403);
    expect(errorOf(self.body).code).toBe('FORBIDDEN');
  });
});

describe('GET /api/admin/bookings', () => {
  const lookup = async (query: string) => {
    const res = await get(`/api/admin/bookings?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as BookingPage;
  };

  it('finds a booking by id, by either side, by name or e-mail, and by status', async () => {
    for (const query of [
      `id=${booking._id}`,
      `clientId=${ada.user._id}`,
      `coachId=${carla.user.id}`,
      'q=lovelace',
      'q=carla%40coaches',
      `clientId=${ada.user._id}&status=confirmed`,
    ]) {
      const page = await lookup(query);
      expect(
        page.items.map((item) => item._id),
        query,
      ).toEqual([booking._id]);
    }
    for (const query of [`clientId=${bob.user._id}`, 'q=nobody-like-this', 'status=declined']) {
      expect((await lookup(query)).total, query).toBe(0);
    }
  });

  it('shows the client summary and the coach as CoachDTO, with no actions for the admin', async () => {
    const [item] = (await lookup(`id=${booking._id}`)).items;
    expect(item?.client).toEqual({
      _id: ada.user._id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      role: 'client',
      profilePicture: null,
    });
    expect(item?.coach).toMatchObject({ _id: carla.user.id, firstName: 'Carla' });
    expect(item?.allowedActions).toEqual([]);
  });

  it('refuses malformed ids and unknown parameters', async () => {
    for (const query of ['id=1', 'clientId=x', 'coachId=x', 'status=open', 'sort=start']) {
      expect((await get(`/api/admin/bookings?${query}`)).status, query).toBe(400);
    }
  });
});

describe('GET /api/admin/audit-log', () => {
  const entries = async (query: string) => {
    const res = await get(`/api/admin/audit-log?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Page<AuditLogEntryDTO>;
  };

  it('filters by action, actor, target and time', async () => {
    await t.http
      .post(`/api/admin/users/${bob.user._id}/warn`)
      .set(as(otherAdmin))
      .send({ reason: 'Second warning' })
      .expect(200);
    const byActor = await entries(`actorId=${otherAdmin.user._id}`);
    expect(byActor.items.map((entry) => entry.reason)).toEqual(['Second warning']);
    const byTarget = await entries(`targetType=user&targetId=${bob.user._id}&action=user.warn`);
    expect(byTarget.items.map((entry) => entry.reason)).toEqual([
      'Second warning',
      'Be kind in chats',
    ]);
    const suspensions = await entries('action=user.suspend');
    expect(suspensions.items.map((entry) => entry.targetId)).toEqual([spammer.id]);
    const future = await entries('from=2999-01-01T00:00:00Z');
    expect(future.total).toBe(0);
    const past = await entries('to=2000-01-01T00:00:00Z');
    expect(past.total).toBe(0);
    const all = await entries('from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z&limit=1');
    expect(all).toMatchObject({ limit: 1, total: (await entries('')).total });
  });

  it('refuses unknown actions, malformed ids and times, and a range that ends before it starts', async () => {
    for (const query of [
      'action=user.delete',
      'actorId=x',
      'targetType=planet',
      'from=yesterday',
      'to=2026-01-01',
      'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    ]) {
      const res = await get(`/api/admin/audit-log?${query}`);
      expect(res.status, query).toBe(400);
      expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    }
  });

  it('stays append-only: the API offers no way to change or remove an entry', async () => {
    const routes = await listRoutes(t.server.app);
    const auditRoutes = routes.filter((route) => route.path.includes('audit'));
    expect(auditRoutes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /api/admin/audit-log',
    ]);
    const before = await AuditLog.countDocuments();
    for (const method of ['delete', 'patch', 'put', 'post'] as const) {
      const res = await t.http[method]('/api/admin/audit-log').set(as(admin)).send({});
      expect(res.status).toBe(404);
    }
    expect(await AuditLog.countDocuments()).toBe(before);
  });
});

describe('every admin action writes who, what, target, when and why', () => {
  it('suspend, reinstate, warn, approve, reject and resolve each leave their entry', async () => {
    const person = await createUser();
    const pending = await createPendingCoach();
    const other = await createPendingCoach();
    const reporter = await createUser().then(sessionFor);
    const filed = await t.http
      .post('/api/reports')
      .set(as(reporter))
      .send({ targetType: 'user', targetId: person.id, reason: 'spam' })
      .expect(201);
    const reportId = (filed.body as { _id: string })._id;
    const actions: [path: string, body: object, action: string, target: string, why: string][] = [
      [`/api/admin/users/${person.id}/suspend`, { reason: 'r1' }, 'user.suspend', person.id, 'r1'],
      [
        `/api/admin/users/${person.id}/reinstate`,
        { reason: 'r2' },
        'user.reinstate',
        person.id,
        'r2',
      ],
      [`/api/admin/users/${person.id}/warn`, { reason: 'r3' }, 'user.warn', person.id, 'r3'],
      [
        `/api/admin/coaches/${pending.id}/approve`,
        { reason: 'r4' },
        'coach.approve',
        pending.id,
        'r4',
      ],
      [`/api/admin/coaches/${other.id}/reject`, { reason: 'r5' }, 'coach.reject', other.id, 'r5'],
      [
        `/api/admin/reports/${reportId}/resolve`,
        { action: 'dismiss', note: 'r6' },
        'report.resolve',
        reportId,
        'dismiss: r6',
      ],
    ];
    for (const [path, body, action, targetId, reason] of actions) {
      const started = Date.now();
      const res = await t.http.post(path).set(as(admin)).send(body);
      expect(res.status, path).toBe(200);
      const { items } = (await get(`/api/admin/audit-log?action=${action}&targetId=${targetId}`))
        .body as Page<AuditLogEntryDTO>;
      expect(items, action).toHaveLength(1);
      expect(items[0]).toMatchObject({
        actor: { _id: admin.user._id, email: admin.user.email },
        action,
        targetId,
        reason,
      });
      expect(new Date(items[0]?.at ?? 0).getTime()).toBeGreaterThanOrEqual(started - 1000);
    }
  });
});
