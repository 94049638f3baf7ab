import type { AdminReportDTO, AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { MessageHistory } from '@coachhub/shared/conversation';
import type { Page } from '@coachhub/shared/pagination';
import type { ReportDTO } from '@coachhub/shared/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  as,
  errorOf,
  fieldsOf,
  notificationsOf,
  openChat,
  report,
  say,
} from '../../../test/report-fixtures.js';
import { closeAllSockets, connectSocket, disconnected, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { User } from '../users/user.model.js';

let t: TestServer;
let admin: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let carla: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  const carlaUser = await createTestCoach({ firstName: 'Carla', lastName: 'Coach' });
  [admin, lena, tom, carla] = await Promise.all([
    createUser({ role: 'admin', firstName: 'Ada' }).then(sessionFor),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor),
    sessionFor(carlaUser),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

const resolve = (id: string, body: object, who: SignedIn = admin) =>
  t.http.post(`/api/admin/reports/${id}/resolve`).set(as(who)).send(body);

const getReport = async (id: string): Promise<AdminReportDTO> => {
  const res = await t.http.get(`/api/admin/reports/${id}`).set(as(admin));
  expect(res.status).toBe(200);
  return res.body as AdminReportDTO;
};

async function auditEntries(query: string): Promise<AuditLogEntryDTO[]> {
  const res = await t.http.get(`/api/admin/audit-log?${query}`).set(as(admin));
  expect(res.status).toBe(200);
  return (res.body as Page<AuditLogEntryDTO>).items;
}

/** A fresh person reported by Lena. */
async function reportedPerson() {
  const person = await createUser({ firstName: 'Rex' }).then(sessionFor);
  const filed = await report(t, lena, {
    targetType: 'user',
    targetId: person.user._id,
    reason: 'harassment',
  });
  return { person, filed };
}

describe('GET /api/admin/reports: the queue in context', () => {
  it('shows a reported message with up to five messages on each side, text kept for admins', async () => {
    const chat = await openChat(t, tom, carla.user._id);
    const sent = [];
    for (let index = 0; index < 13; index += 1) {
      sent.push(await say(t, index % 2 === 0 ? tom : carla, chat._id, `message ${index}`));
    }
    const reported = sent[6];
    if (!reported) throw new Error('no message');
    const filed = await report(t, carla, {
      targetType: 'message',
      targetId: reported._id,
      reason: 'harassment',
      details: 'Threatening',
    });
    const item = await getReport(filed._id);
    expect(item.reporter).toMatchObject({ _id: carla.user._id, email: carla.user.email });
    expect(item.reportedUser).toMatchObject({ _id: tom.user._id, status: 'active' });
    expect(item.target.targetType).toBe('message');
    if (item.target.targetType !== 'message') return;
    expect(item.target.message?.body).toBe('message 6');
    expect(item.target.conversationId).toBe(chat._id);
    expect(item.target.before.map((message) => message.body)).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
      'message 5',
    ]);
    expect(item.target.after.map((message) => message.body)).toEqual([
      'message 7',
      'message 8',
      'message 9',
      'message 10',
      'message 11',
    ]);
    expect(item.target.participants.map((person) => person._id).sort()).toEqual(
      [tom.user._id, carla.user._id].sort(),
    );
  });

  it('shows a reported coach as the CoachDTO and a person as their summary', async () => {
    const coachReport = await report(t, tom, {
      targetType: 'coach',
      targetId: carla.user._id,
      reason: 'fraud',
    });
    const item = await getReport(coachReport._id);
    expect(item.target).toMatchObject({
      targetType: 'coach',
      coach: { _id: carla.user._id, firstName: 'Carla', verification: { status: 'approved' } },
      user: { _id: carla.user._id, email: carla.user.email },
    });
    const { person, filed } = await reportedPerson();
    expect((await getReport(filed._id)).target).toEqual({
      targetType: 'user',
      user: expect.objectContaining({ _id: person.user._id, firstName: 'Rex' }),
    });
  });

  it('filters by status and target type and pages; open reports oldest first', async () => {
    const res = await t.http
      .get('/api/admin/reports?status=open&targetType=user&limit=2')
      .set(as(admin));
    expect(res.status).toBe(200);
    const page = res.body as Page<AdminReportDTO>;
    expect(page.limit).toBe(2);
    expect(page.items.every((item) => item.status === 'open' && item.targetType === 'user')).toBe(
      true,
    );
    const times = page.items.map((item) => item.createdAt);
    expect([...times].sort()).toEqual(times);
    for (const query of ['status=closed', 'targetType=booking', 'limit=0', 'page=x', 'sort=new']) {
      const bad = await t.http.get(`/api/admin/reports?${query}`).set(as(admin));
      expect(bad.status, query).toBe(400);
      expect(errorOf(bad.body).code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 404 for an unknown report and 400 for a malformed id', async () => {
    const unknown = await t.http.get('/api/admin/reports/0123456789abcdef01234567').set(as(admin));
    expect(unknown.status).toBe(404);
    const malformed = await t.http.get('/api/admin/reports/nope').set(as(admin));
    expect(malformed.status).toBe(400);
  });
});

describe('POST /api/admin/reports/:id/resolve', () => {
  it('validates the action and the note', async () => {
    const { filed } = await reportedPerson();
    for (const [body, field] of [
      [{ note: 'x' }, 'action'],
      [{ action: 'ban', note: 'x' }, 'action'],
      [{ action: 'dismiss' }, 'note'],
      [{ action: 'dismiss', note: '   ' }, 'note'],
      [{ action: 'dismiss', note: 'x'.repeat(901) }, 'note'],
      [{ action: 'dismiss', note: 'x', status: 'resolved' }, 'status'],
    ] as const) {
      const res = await resolve(filed._id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect((await getReport(filed._id)).status).toBe('open');
  });

  it('dismiss: closes it once, tells the reporter, and writes report.resolve', async () => {
    const { person, filed } = await reportedPerson();
    const res = await resolve(filed._id, { action: 'dismiss', note: 'Friendly banter' });
    expect(res.status).toBe(200);
    const closed = res.body as AdminReportDTO;
    expect(closed).toMatchObject({
      status: 'dismissed',
      resolution: { action: 'dismiss', note: 'Friendly banter', by: admin.user._id },
    });
    const again = await resolve(filed._id, { action: 'warn', note: 'Changed my mind' });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('INVALID_TRANSITION');

    const [toReporter] = await notificationsOf(t, lena);
    expect(toReporter).toMatchObject({
      type: 'report.dismissed',
      key: 'notifications.report.dismissed',
      params: { targetType: 'user' },
    });
    // The reported person never learns of a dismissed report.
    expect(await notificationsOf(t, person)).toEqual([]);
    const [entry] = await auditEntries(`action=report.resolve&targetId=${filed._id}`);
    expect(entry).toMatchObject({
      actor: { _id: admin.user._id },
      targetType: 'report',
      reason: 'dismiss: Friendly banter',
    });
  });

  it('warn: the reported person is notified with the note; user.warn and report.resolve are logged', async () => {
    const { person, filed } = await reportedPerson();
    const socket = await connectSocket(t.baseUrl, person.accessToken);
    const live = nextEvent(socket, 'notification:new');
    const res = await resolve(filed._id, { action: 'warn', note: 'Keep it civil' });
    expect(res.status).toBe(200);
    expect((res.body as ReportDTO).status).toBe('resolved');
    expect((await live).notification).toMatchObject({
      type: 'account.warned',
      params: { reason: 'Keep it civil' },
    });
    expect((await notificationsOf(t, lena))[0]?.type).toBe('report.resolved');
    const warnings = await auditEntries(`action=user.warn&targetId=${person.user._id}`);
    expect(warnings).toEqual([
      expect.objectContaining({ targetType: 'user', reason: 'Keep it civil' }),
    ]);
    expect(await auditEntries(`action=report.resolve&targetId=${filed._id}`)).toHaveLength(1);
  });

  it('hide: refused for a person (400) and the report stays open', async () => {
    const { filed } = await reportedPerson();
    const res = await resolve(filed._id, { action: 'hide', note: 'x' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['action']);
    expect((await getReport(filed._id)).status).toBe('open');
  });

  it('hide a message: a moderated tombstone for everyone, live; the sender and reporter are told', async () => {
    const chat = await openChat(t, lena, carla.user._id);
    const rude = await say(t, carla, chat._id, 'Something nasty');
    const filed = await report(t, lena, {
      targetType: 'message',
      targetId: rude._id,
      reason: 'harassment',
    });
    const lenaSocket = await connectSocket(t.baseUrl, lena.accessToken);
    const updated = nextEvent(
      lenaSocket,
      'message:updated',
      ({ message }) => message._id === rude._id,
    );
    const res = await resolve(filed._id, { action: 'hide', note: 'Insulting language' });
    expect(res.status).toBe(200);
    expect((await updated).message).toMatchObject({
      _id: rude._id,
      body: null,
      deleted: true,
      moderated: true,
    });
    for (const participant of [lena, carla]) {
      const history = await t.http
        .get(`/api/conversations/${chat._id}/messages`)
        .set(as(participant));
      const shown = (history.body as MessageHistory).items.find((m) => m._id === rude._id);
      expect(shown).toMatchObject({ body: null, deleted: true, moderated: true });
    }
    // The admin still reads what was said, through the report.
    const item = res.body as AdminReportDTO;
    expect(item.target.targetType === 'message' && item.target.message).toMatchObject({
      body: 'Something nasty',
      moderated: true,
    });
    expect((await notificationsOf(t, carla))[0]).toMatchObject({
      type: 'moderation.message_hidden',
      params: { reason: 'Insulting language' },
    });
    expect((await notificationsOf(t, lena))[0]?.type).toBe('report.resolved');
    expect(await auditEntries(`action=message.hide&targetId=${rude._id}`)).toHaveLength(1);
    // The sender cannot bring it back by editing it.
    const edit = await t.http
      .patch(`/api/messages/${rude._id}`)
      .set(as(carla))
      .send({ body: 'Nice now' });
    expect(edit.status).toBe(409);
  });

  it('hide a coach profile: the approval is withdrawn and the profile leaves the directory', async () => {
    const coach = await createTestCoach({ firstName: 'Shady' });
    const visible = await t.http.get(`/api/coaches/${coach.id}`);
    expect(visible.status).toBe(200);
    const filed = await report(t, tom, {
      targetType: 'coach',
      targetId: coach.id,
      reason: 'fraud',
    });
    const res = await resolve(filed._id, { action: 'hide', note: 'Fake certificates' });
    expect(res.status).toBe(200);
    expect((await t.http.get(`/api/coaches/${coach.id}`)).status).toBe(404);
    const item = res.body as AdminReportDTO;
    expect(item.target).toMatchObject({
      targetType: 'coach',
      coach: { verification: { status: 'rejected', reason: 'Fake certificates' } },
    });
    expect(await auditEntries(`action=coach.reject&targetId=${coach.id}`)).toHaveLength(1);
  });

  it('suspend: the account is suspended through the account rules and its open socket is cut', async () => {
    const { person, filed } = await reportedPerson();
    const socket = await connectSocket(t.baseUrl, person.accessToken);
    const notice = nextEvent(socket, 'account:suspended');
    const closed = disconnected(socket);
    const res = await resolve(filed._id, { action: 'suspend', note: 'Threats' });
    expect(res.status).toBe(200);
    expect(await notice).toEqual({ reason: 'Threats' });
    expect(await closed).toBe('io server disconnect');
    expect((res.body as AdminReportDTO).reportedUser?.status).toBe('suspended');
    const me = await t.http.get('/api/users/me').set(as(person));
    expect(errorOf(me.body).code).toBe('ACCOUNT_SUSPENDED');
    expect(await auditEntries(`action=user.suspend&targetId=${person.user._id}`)).toHaveLength(1);
  });

  it('suspend keeps the account rules: never oneself, and the report stays open', async () => {
    const filed = await report(t, lena, {
      targetType: 'user',
      targetId: admin.user._id,
      reason: 'other',
    });
    const res = await resolve(filed._id, { action: 'suspend', note: 'Self' });
    expect(res.status).toBe(403);
    expect(errorOf(res.body).code).toBe('FORBIDDEN');
    expect((await getReport(filed._id)).status).toBe('open');
    // Released: another action goes through.
    expect((await resolve(filed._id, { action: 'dismiss', note: 'No' })).status).toBe(200);
    expect((await User.findById(admin.user._id).lean())?.status).toBe('active');
  });

  it('of two admins resolving at once, exactly one acts', async () => {
    const second = await createUser({ role: 'admin' }).then(sessionFor);
    for (let round = 0; round < 3; round += 1) {
      const { person, filed } = await reportedPerson();
      const answers = await Promise.all([
        resolve(filed._id, { action: 'warn', note: 'First' }),
        resolve(filed._id, { action: 'warn', note: 'Second' }, second),
      ]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
      const loser = answers.find((res) => res.status === 409);
      expect(errorOf(loser?.body).code).toBe('INVALID_TRANSITION');
      expect(await auditEntries(`action=user.warn&targetId=${person.user._id}`)).toHaveLength(1);
      const warned = (await notificationsOf(t, person)).filter((n) => n.type === 'account.warned');
      expect(warned).toHaveLength(1);
    }
  });
});
