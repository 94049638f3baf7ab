import { REPORT_LIMITS, type ReportDTO } from '@coachhub/shared/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPendingCoach, createTestCoach } from '../../../test/coach-fixtures.js';
import { createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { as, errorOf, fieldsOf, openChat, report, say } from '../../../test/report-fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Report } from './report.model.js';

let t: TestServer;
let lena: SignedIn;
let tom: SignedIn;
let carla: SignedIn;
let admin: SignedIn;
let suspended: SignedIn;
let chatId: string;
let carlasMessage: string;
let lenasMessage: string;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  const [carlaUser] = await Promise.all([createTestCoach({ firstName: 'Carla' })]);
  [lena, tom, carla, admin, suspended] = await Promise.all([
    createUser({ firstName: 'Lena' }).then(sessionFor),
    createUser({ firstName: 'Tom' }).then(sessionFor),
    sessionFor(carlaUser),
    createUser({ role: 'admin' }).then(sessionFor),
    createUser().then(sessionFor),
  ]);
  await t.http
    .post(`/api/admin/users/${suspended.user._id}/suspend`)
    .set(as(admin))
    .send({ reason: 'Spam' })
    .expect(200);
  chatId = (await openChat(t, lena, carla.user._id))._id;
  lenasMessage = (await say(t, lena, chatId, 'Hello Carla'))._id;
  carlasMessage = (await say(t, carla, chatId, 'Something rude'))._id;
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

const post = (who: SignedIn | null, body: object) => {
  const req = t.http.post('/api/reports');
  return (who ? req.set(as(who)) : req).send(body);
};

describe('POST /api/reports: who may report', () => {
  it('needs a signed-in, active account', async () => {
    const body = { targetType: 'user', targetId: tom.user._id, reason: 'spam' };
    const anonymous = await post(null, body);
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous.body).code).toBe('UNAUTHENTICATED');
    const refused = await post(suspended, body);
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body).code).toBe('ACCOUNT_SUSPENDED');
  });

  it('refuses bad input with 400 VALIDATION_FAILED naming each field', async () => {
    const cases: [object, string[]][] = [
      [{}, ['targetType', 'targetId', 'reason']],
      [{ targetType: 'booking', targetId: tom.user._id, reason: 'spam' }, ['targetType']],
      [{ targetType: 'user', targetId: 'nope', reason: 'spam' }, ['targetId']],
      [{ targetType: 'user', targetId: { $ne: null }, reason: 'spam' }, ['targetId']],
      [{ targetType: 'user', targetId: tom.user._id, reason: 'boring' }, ['reason']],
      [{ targetType: 'user', targetId: tom.user._id, reason: ['spam'] }, ['reason']],
      [
        {
          targetType: 'user',
          targetId: tom.user._id,
          reason: 'spam',
          details: 'x'.repeat(REPORT_LIMITS.detailsMax + 1),
        },
        ['details'],
      ],
      [
        { targetType: 'user', targetId: tom.user._id, reason: 'spam', status: 'resolved' },
        ['status'],
      ],
      [
        { targetType: 'user', targetId: tom.user._id, reason: 'spam', reporterId: tom.user._id },
        ['reporterId'],
      ],
    ];
    for (const [body, fields] of cases) {
      const res = await post(lena, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(fields));
    }
    expect(await Report.countDocuments()).toBe(0);
  });
});

describe('POST /api/reports: targets', () => {
  it('reports a person: 201 with the report as stored, reporter from the token', async () => {
    const res = await post(lena, {
      targetType: 'user',
      targetId: tom.user._id,
      reason: 'harassment',
      details: '  Keeps writing to me  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      _id: expect.any(String),
      targetType: 'user',
      targetId: tom.user._id,
      reason: 'harassment',
      details: 'Keeps writing to me',
      status: 'open',
      reporterId: lena.user._id,
      reportedUserId: tom.user._id,
      resolution: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    } satisfies ReportDTO);
  });

  it('answers 404 for a person who does not exist, 400 for oneself', async () => {
    const unknown = await post(lena, {
      targetType: 'user',
      targetId: '0123456789abcdef01234567',
      reason: 'spam',
    });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('NOT_FOUND');
    const self = await post(lena, { targetType: 'user', targetId: lena.user._id, reason: 'spam' });
    expect(self.status).toBe(400);
    expect(errorOf(self.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(self.body)).toEqual(['targetId']);
  });

  it('reports a coach profile the reporter can see; a hidden one is 404', async () => {
    const created = await report(t, tom, {
      targetType: 'coach',
      targetId: carla.user._id,
      reason: 'fraud',
    });
    expect(created.reportedUserId).toBe(carla.user._id);
    const pending = await createPendingCoach();
    const hidden = await post(tom, { targetType: 'coach', targetId: pending.id, reason: 'fraud' });
    expect(hidden.status).toBe(404);
    // A client is not a coach profile.
    const notCoach = await post(tom, {
      targetType: 'coach',
      targetId: lena.user._id,
      reason: 'fraud',
    });
    expect(notCoach.status).toBe(404);
    const self = await post(carla, {
      targetType: 'coach',
      targetId: carla.user._id,
      reason: 'spam',
    });
    expect(self.status).toBe(400);
  });

  it('reports a message of the reporter’s own conversation, about its sender', async () => {
    const created = await report(t, lena, {
      targetType: 'message',
      targetId: carlasMessage,
      reason: 'inappropriate',
    });
    expect(created.reportedUserId).toBe(carla.user._id);
    // Tom takes no part in the conversation: the message does not exist for him.
    const outsider = await post(tom, {
      targetType: 'message',
      targetId: carlasMessage,
      reason: 'spam',
    });
    expect(outsider.status).toBe(404);
    // Admins read conversations only through reports, never report from inside them.
    const byAdmin = await post(admin, {
      targetType: 'message',
      targetId: carlasMessage,
      reason: 'spam',
    });
    expect(byAdmin.status).toBe(404);
    const own = await post(lena, { targetType: 'message', targetId: lenasMessage, reason: 'spam' });
    expect(own.status).toBe(400);
  });

  it('does not let a message deleted for the reporter be reported by them', async () => {
    const message = await say(t, carla, chatId, 'Gone for Lena');
    await t.http.delete(`/api/messages/${message._id}?for=me`).set(as(lena)).expect(204);
    const res = await post(lena, { targetType: 'message', targetId: message._id, reason: 'spam' });
    expect(res.status).toBe(404);
  });

  it('answers 404 for a review that does not exist', async () => {
    const res = await post(lena, {
      targetType: 'review',
      targetId: '0123456789abcdef01234567',
      reason: 'spam',
    });
    expect(res.status).toBe(404);
  });
});

describe('one open report per reporter and target', () => {
  it('answers 409 ALREADY_REPORTED to the second report; others may still report it', async () => {
    const target = await createUser();
    await report(t, lena, { targetType: 'user', targetId: target.id, reason: 'spam' });
    const again = await post(lena, { targetType: 'user', targetId: target.id, reason: 'fraud' });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('ALREADY_REPORTED');
    await report(t, tom, { targetType: 'user', targetId: target.id, reason: 'spam' });
  });

  it('lets the same person report again once the first report was closed', async () => {
    const target = await createUser();
    const first = await report(t, tom, { targetType: 'user', targetId: target.id, reason: 'spam' });
    await t.http
      .post(`/api/admin/reports/${first._id}/resolve`)
      .set(as(admin))
      .send({ action: 'dismiss', note: 'Nothing found' })
      .expect(200);
    await report(t, tom, { targetType: 'user', targetId: target.id, reason: 'spam' });
  });

  it('stores exactly one when ten identical reports arrive at once', async () => {
    const target = await createUser();
    const reporter = await createUser().then(sessionFor);
    const body = { targetType: 'user', targetId: target.id, reason: 'spam' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(reporter, body)));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(9).fill(409)]);
    expect(await Report.countDocuments({ targetId: target.id, status: 'open' })).toBe(1);
  });
});

describe('rate limit', () => {
  it(`allows ${REPORT_LIMITS.perWindow} reports an hour per person, then 429 with Retry-After`, async () => {
    const reporter = await createUser().then(sessionFor);
    const targets = await Promise.all(
      Array.from({ length: REPORT_LIMITS.perWindow + 1 }, () => createUser()),
    );
    for (const target of targets.slice(0, REPORT_LIMITS.perWindow)) {
      await report(t, reporter, { targetType: 'user', targetId: target.id, reason: 'spam' });
    }
    const last = targets[REPORT_LIMITS.perWindow];
    const refused = await post(reporter, {
      targetType: 'user',
      targetId: last?.id,
      reason: 'spam',
    });
    expect(refused.status).toBe(429);
    expect(errorOf(refused.body).code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Counted per person: someone else still reports.
    await report(t, lena, { targetType: 'user', targetId: last?.id ?? '', reason: 'spam' });
  });
});

describe('admins hear of new reports live', () => {
  it('sends report:created with the open count to admin sockets only', async () => {
    const adminSocket = await connectSocket(t.baseUrl, admin.accessToken);
    const clientSocket = await connectSocket(t.baseUrl, tom.accessToken);
    let clientHeard = false;
    clientSocket.on('report:created', () => {
      clientHeard = true;
    });
    const heard = nextEvent(adminSocket, 'report:created');
    const target = await createUser();
    const created = await report(t, tom, {
      targetType: 'user',
      targetId: target.id,
      reason: 'spam',
    });
    const event = await heard;
    expect(event.report).toEqual(created);
    expect(event.openCount).toBe(await Report.countDocuments({ status: 'open' }));
    await t.server.events.settled();
    expect(clientHeard).toBe(false);
  });
});
