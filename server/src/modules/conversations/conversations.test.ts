import type { BookingDTO } from '@coachhub/shared/booking';
import type {
  ConversationDTO,
  ConversationPage,
  MessageDTO,
  MessageHistory,
  UnreadCounts,
} from '@coachhub/shared/conversation';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Conversation, type ConversationRecord } from './conversation.model.js';
import { recordNewMessage } from './message-delivery.js';
import { Message } from './message.model.js';

let t: TestServer;
let carla: BookableCoach;
let carlaS: SignedIn;
let marco: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let admin: SignedIn;
let admin2: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  carla = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true }),
    coach: { firstName: 'Carla', lastName: 'Coach' },
  });
  const marcoCoach = await createBookableCoach({ coach: { firstName: 'Marco', lastName: 'M' } });
  [carlaS, marco, lena, tom, admin, admin2] = await Promise.all([
    sessionFor(carla.user),
    sessionFor(marcoCoach.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
});
afterAll(async () => {
  await t.close();
});

const as = (who: SignedIn) => bearer(who.accessToken);
const errorOf = (body: unknown) => (body as ApiErrorBody).error;
const fieldsOf = (body: unknown) =>
  ((errorOf(body).details ?? []) as { field: string }[]).map((issue) => issue.field);

async function open(who: SignedIn, body: object, status = 201): Promise<ConversationDTO> {
  const res = await t.http.post('/api/conversations').set(as(who)).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as ConversationDTO;
}

async function post(who: SignedIn, conversationId: string, body: object): Promise<MessageDTO> {
  const res = await t.http
    .post(`/api/conversations/${conversationId}/messages`)
    .set(as(who))
    .send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as MessageDTO;
}

async function history(who: SignedIn, conversationId: string, query = ''): Promise<MessageHistory> {
  const res = await t.http
    .get(`/api/conversations/${conversationId}/messages${query}`)
    .set(as(who));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as MessageHistory;
}

async function listOf(who: SignedIn, query = ''): Promise<ConversationPage> {
  await t.server.events.settled();
  const res = await t.http.get(`/api/conversations${query}`).set(as(who));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ConversationPage;
}

describe('opening conversations', () => {
  it('opens a direct conversation once: 201, then 200 with the same one from either side', async () => {
    const first = await open(lena, { participantId: carlaS.user._id });
    expect(first).toMatchObject({
      kind: 'direct',
      bookingId: null,
      lastMessage: null,
      unreadCount: 0,
      participantIds: [lena.user._id, carlaS.user._id].sort(),
    });
    // The coach through the one CoachDTO, the client as a summary with picture.
    expect(first.others).toEqual([
      {
        kind: 'coach',
        coach: expect.objectContaining({
          _id: carlaS.user._id,
          firstName: 'Carla',
          coachProfilePicture: null,
          profilePicture: null,
        }) as unknown,
      },
    ]);
    const again = await open(lena, { participantId: carlaS.user._id }, 200);
    expect(again._id).toBe(first._id);
    const fromCoach = await open(carlaS, { participantId: lena.user._id }, 200);
    expect(fromCoach._id).toBe(first._id);
    expect(fromCoach.others).toEqual([
      {
        kind: 'user',
        user: {
          _id: lena.user._id,
          firstName: 'Lena',
          lastName: 'Client',
          role: 'client',
          profilePicture: null,
        },
      },
    ]);
  });

  it('creates one conversation when many ask at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.http.post('/api/conversations').set(as(tom)).send({ participantId: marco.user._id }),
      ),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((res) => (res.body as ConversationDTO)._id)).size).toBe(1);
    const ids = [tom.user._id, marco.user._id].sort();
    expect(await Conversation.countDocuments({ key: `direct:${ids.join(':')}` })).toBe(1);
  });

  it('needs a coach on one side, someone else, and an existing account', async () => {
    const clients = await t.http
      .post('/api/conversations')
      .set(as(lena))
      .send({ participantId: tom.user._id });
    expect(clients.status).toBe(403);
    expect(errorOf(clients.body).code).toBe('FORBIDDEN');
    const self = await t.http
      .post('/api/conversations')
      .set(as(carlaS))
      .send({ participantId: carlaS.user._id });
    expect(self.status).toBe(400);
    expect(fieldsOf(self.body)).toEqual(['participantId']);
    const nobody = await t.http
      .post('/api/conversations')
      .set(as(lena))
      .send({ participantId: '65f000000000000000000009' });
    expect(nobody.status).toBe(404);
    // Two coaches may talk.
    await open(marco, { participantId: carlaS.user._id });
  });

  it.each([
    ['nothing', {}, ['body']],
    ['two kinds', { participantId: '65f000000000000000000009', support: true }, ['body']],
    ['not an id', { participantId: 'carla' }, ['participantId']],
    ['support not true', { support: 'yes' }, ['support']],
    ['an unknown field', { support: true, topic: 'x' }, ['topic']],
    ['an operator', { participantId: { $ne: null } }, ['participantId', 'participantId.$ne']],
  ])('refuses %s with 400 and the field paths', async (_case, body, fields) => {
    const res = await t.http.post('/api/conversations').set(as(lena)).send(body);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toEqual(fields);
  });

  it('refuses strangers', async () => {
    expect((await t.http.get('/api/conversations')).status).toBe(401);
    expect((await t.http.post('/api/conversations').send({ support: true })).status).toBe(401);
  });
});

describe('booking conversations', () => {
  it('exists as soon as the booking is created, for its two participants only', async () => {
    const res = await t.http
      .post('/api/bookings')
      .set(as(lena))
      .send({
        coachId: carlaS.user._id,
        sessionTypeId: carla.types[60],
        start: futureAt(3, '10:00'),
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const booking = res.body as BookingDTO;
    const lenas = await listOf(lena);
    const linked = lenas.items.find((item) => item.bookingId === booking._id);
    expect(linked).toMatchObject({
      kind: 'booking',
      participantIds: [lena.user._id, carlaS.user._id].sort(),
    });
    expect((await listOf(carlaS)).items.map((item) => item._id)).toContain(linked?._id);
    const opened = await open(carlaS, { bookingId: booking._id }, 200);
    expect(opened._id).toBe(linked?._id);
    for (const outsider of [tom, admin]) {
      const refused = await t.http
        .post('/api/conversations')
        .set(as(outsider))
        .send({ bookingId: booking._id });
      expect(refused.status).toBe(404);
    }
  });
});

describe('support conversations', () => {
  it('is between a user and every admin; admins cannot open one', async () => {
    const support = await open(tom, { support: true });
    expect(support).toMatchObject({ kind: 'support', participantIds: [tom.user._id], others: [] });
    expect((await open(tom, { support: true }, 200))._id).toBe(support._id);
    await post(tom, support._id, { body: 'My booking page is empty' });

    const forAdmin = await listOf(admin);
    const seen = forAdmin.items.find((item) => item._id === support._id);
    expect(seen?.others).toEqual([
      { kind: 'user', user: expect.objectContaining({ _id: tom.user._id }) as unknown },
    ]);
    expect(seen?.unreadCount).toBe(1);
    const answer = await post(admin2, support._id, { body: 'We are on it' });
    expect((await history(tom, support._id)).items.map((m) => m.body)).toEqual([
      'My booking page is empty',
      answer.body,
    ]);
    const refused = await t.http.post('/api/conversations').set(as(admin)).send({ support: true });
    expect(refused.status).toBe(403);
    // Another user never sees it.
    const stranger = await t.http.get(`/api/conversations/${support._id}`).set(as(lena));
    expect(stranger.status).toBe(404);
  });
});

describe('messages', () => {
  let direct: ConversationDTO;
  beforeAll(async () => {
    direct = await open(lena, { participantId: carlaS.user._id }, 200);
  });

  it('stores a trimmed body with its reply, and refuses bad input with field paths', async () => {
    const first = await post(lena, direct._id, { body: '  Hello Carla  ' });
    expect(first).toMatchObject({
      conversationId: direct._id,
      senderId: lena.user._id,
      body: 'Hello Carla',
      replyTo: null,
      editedAt: null,
      deleted: false,
      clientId: null,
    });
    const reply = await post(carlaS, direct._id, { body: 'Hi!', replyTo: first._id });
    expect(reply.replyTo).toMatchObject({ _id: first._id, preview: 'Hello Carla' });
    expect((await post(lena, direct._id, { body: 'x'.repeat(4000) })).body).toHaveLength(4000);

    const other = await open(tom, { participantId: marco.user._id }, 200);
    const elsewhere = await post(tom, other._id, { body: 'Not in that chat' });
    const cases: [object, string[]][] = [
      [{ body: '   ' }, ['body']],
      [{ body: 'x'.repeat(4001) }, ['body']],
      [{ body: 42 }, ['body']],
      [{}, ['body']],
      [{ body: 'hi', replyTo: 'nope' }, ['replyTo']],
      [{ body: 'hi', replyTo: elsewhere._id }, ['replyTo']],
      [{ body: 'hi', image: 'x.png' }, ['image']],
    ];
    for (const [body, fields] of cases) {
      const res = await t.http
        .post(`/api/conversations/${direct._id}/messages`)
        .set(as(lena))
        .send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(body)).toEqual(fields);
    }
    const badId = await t.http
      .post('/api/conversations/abc/messages')
      .set(as(lena))
      .send({ body: 'x' });
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body)).toEqual(['id']);
  });

  it('answers 404 to everyone but the participants, admins included', async () => {
    const message = await post(lena, direct._id, { body: 'Private' });
    for (const outsider of [tom, admin]) {
      const requests = [
        t.http.get(`/api/conversations/${direct._id}`),
        t.http.get(`/api/conversations/${direct._id}/messages`),
        t.http.post(`/api/conversations/${direct._id}/messages`).send({ body: 'Hi' }),
        t.http.post(`/api/conversations/${direct._id}/read`),
        t.http.patch(`/api/messages/${message._id}`).send({ body: 'Changed' }),
        t.http.delete(`/api/messages/${message._id}?for=me`),
      ];
      for (const req of requests) {
        const res = await req.set(as(outsider));
        expect(res.status).toBe(404);
        expect(errorOf(res.body).code).toBe('NOT_FOUND');
      }
    }
    const unknown = await t.http
      .get('/api/conversations/65f000000000000000000009/messages')
      .set(as(lena));
    expect(unknown.status).toBe(404);
  });

  it('pages history by cursor: the page before it, oldest first, with hasMore', async () => {
    const chat = await open(marco, { participantId: lena.user._id });
    const sent: MessageDTO[] = [];
    for (let i = 1; i <= 7; i += 1)
      sent.push(await post(i % 2 ? marco : lena, chat._id, { body: `m${i}` }));
    const bodies = (page: MessageHistory) => page.items.map((item) => item.body);

    const newest = await history(lena, chat._id, '?limit=3');
    expect(bodies(newest)).toEqual(['m5', 'm6', 'm7']);
    expect(newest.hasMore).toBe(true);
    const older = await history(lena, chat._id, `?limit=3&before=${newest.items[0]?._id}`);
    expect(bodies(older)).toEqual(['m2', 'm3', 'm4']);
    expect(older.hasMore).toBe(true);
    const oldest = await history(lena, chat._id, `?limit=3&before=${older.items[0]?._id}`);
    expect(bodies(oldest)).toEqual(['m1']);
    expect(oldest.hasMore).toBe(false);
    const all = await history(lena, chat._id);
    expect(bodies(all)).toEqual(sent.map((m) => m.body));
    expect(all.hasMore).toBe(false);

    for (const query of ['?limit=0', '?limit=101', '?before=abc', '?limit=2&limit=3', '?after=1']) {
      const res = await t.http.get(`/api/conversations/${chat._id}/messages${query}`).set(as(lena));
      expect(res.status, query).toBe(400);
    }
    const foreign = await t.http
      .get(`/api/conversations/${chat._id}/messages?before=${direct._id}`)
      .set(as(lena));
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['before']);
  });

  it('lets the sender edit (editedAt), nobody else', async () => {
    const message = await post(lena, direct._id, { body: 'Typo hre' });
    const edited = await t.http
      .patch(`/api/messages/${message._id}`)
      .set(as(lena))
      .send({ body: ' Typo here ' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      _id: message._id,
      body: 'Typo here',
      editedAt: expect.any(String) as unknown,
    });
    const byOther = await t.http
      .patch(`/api/messages/${message._id}`)
      .set(as(carlaS))
      .send({ body: 'Mine now' });
    expect(byOther.status).toBe(403);
    const empty = await t.http
      .patch(`/api/messages/${message._id}`)
      .set(as(lena))
      .send({ body: '' });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(['body']);
    const extra = await t.http
      .patch(`/api/messages/${message._id}`)
      .set(as(lena))
      .send({ body: 'ok', deleted: true });
    expect(fieldsOf(extra.body)).toEqual(['deleted']);
  });

  it('deletes for me (hidden from me only) and for everyone (the sender, within 15 minutes)', async () => {
    const forMe = await post(carlaS, direct._id, { body: 'Hide me' });
    const hidden = await t.http.delete(`/api/messages/${forMe._id}?for=me`).set(as(lena));
    expect(hidden.status).toBe(204);
    expect((await history(lena, direct._id)).items.map((m) => m._id)).not.toContain(forMe._id);
    expect((await history(carlaS, direct._id)).items.map((m) => m._id)).toContain(forMe._id);

    const oops = await post(lena, direct._id, { body: 'Wrong chat' });
    const notSender = await t.http.delete(`/api/messages/${oops._id}?for=everyone`).set(as(carlaS));
    expect(notSender.status).toBe(403);
    const gone = await t.http.delete(`/api/messages/${oops._id}?for=everyone`).set(as(lena));
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ _id: oops._id, deleted: true, body: null });
    const tombstone = (await history(carlaS, direct._id)).items.find((m) => m._id === oops._id);
    expect(tombstone).toMatchObject({ deleted: true, body: null });
    const editDeleted = await t.http
      .patch(`/api/messages/${oops._id}`)
      .set(as(lena))
      .send({ body: 'Back' });
    expect(editDeleted.status).toBe(409);

    const late = await post(lena, direct._id, { body: 'Sent a while ago' });
    // Straight to the collection: Mongoose keeps createdAt immutable.
    await Message.collection.updateOne(
      { _id: new Types.ObjectId(late._id) },
      { $set: { createdAt: new Date(Date.now() - 16 * 60_000) } },
    );
    const tooLate = await t.http.delete(`/api/messages/${late._id}?for=everyone`).set(as(lena));
    expect(tooLate.status).toBe(403);
    expect(errorOf(tooLate.body).code).toBe('FORBIDDEN');
    expect((await t.http.delete(`/api/messages/${late._id}?for=all`).set(as(lena))).status).toBe(
      400,
    );
    // For me works whenever.
    expect((await t.http.delete(`/api/messages/${late._id}`).set(as(lena))).status).toBe(204);
  });
});

describe('unread counts and the list', () => {
  it('counts unread per conversation and in total, sorts by activity, and marks read', async () => {
    const ines = await createUser({ firstName: 'Ines', lastName: 'Client' }).then(sessionFor);
    const withCarla = await open(ines, { participantId: carlaS.user._id });
    const withMarco = await open(ines, { participantId: marco.user._id });
    await post(carlaS, withCarla._id, { body: 'One' });
    await post(carlaS, withCarla._id, { body: 'Two' });
    // Writing marks what came before as read; what comes after is unread.
    await post(ines, withMarco._id, { body: 'Mine do not count' });
    await post(marco, withMarco._id, { body: 'Three' });

    const page = await listOf(ines);
    expect(page).toMatchObject({ page: 1, limit: 20, total: 2, unreadTotal: 3 });
    expect(page.items.map((item) => [item._id, item.unreadCount])).toEqual([
      [withMarco._id, 1],
      [withCarla._id, 2],
    ]);
    expect(page.items[0]?.lastMessage).toMatchObject({
      senderId: marco.user._id,
      preview: 'Three',
      deleted: false,
    });
    const paged = await listOf(ines, '?page=2&limit=1');
    expect(paged).toMatchObject({ page: 2, limit: 1, total: 2 });
    expect(paged.items.map((item) => item._id)).toEqual([withCarla._id]);

    const read = await t.http.post(`/api/conversations/${withCarla._id}/read`).set(as(ines));
    expect(read.status).toBe(200);
    const counts = read.body as UnreadCounts;
    expect(counts).toMatchObject({ conversationId: withCarla._id, unreadCount: 0, unreadTotal: 1 });
    const after = await listOf(ines);
    const carlaView = after.items.find((item) => item._id === withCarla._id);
    expect(carlaView?.reads).toContainEqual({ userId: ines.user._id, readAt: counts.readAt });
    expect(after.unreadTotal).toBe(1);

    // A message deleted for everyone no longer counts; one hidden for me neither.
    const gone = await post(carlaS, withCarla._id, { body: 'Oops' });
    const hiddenOne = await post(carlaS, withCarla._id, { body: 'Skip' });
    expect((await listOf(ines)).unreadTotal).toBe(3);
    await t.http.delete(`/api/messages/${gone._id}?for=everyone`).set(as(carlaS));
    await t.http.delete(`/api/messages/${hiddenOne._id}?for=me`).set(as(ines));
    const final = await listOf(ines);
    expect(final.unreadTotal).toBe(1);
    expect(final.items[0]).toMatchObject({
      _id: withCarla._id,
      lastMessage: { _id: gone._id, deleted: true, preview: null },
    });
    for (const query of ['?page=0', '?limit=500', '?sort=new']) {
      const res = await t.http.get(`/api/conversations${query}`).set(as(ines));
      expect(res.status, query).toBe(400);
    }
  });
});

describe("a new message moves the conversation's activity and the sender's read mark", () => {
  const stored = async (conversationId: string) => {
    const found = await Conversation.findById(conversationId).lean<ConversationRecord>();
    if (!found) throw new Error('conversation gone');
    return found;
  };
  const marksOf = (conversation: ConversationRecord, userId: string) =>
    conversation.reads.filter((mark) => mark.user.toString() === userId);

  it('keeps one read mark per sender, at the newest of several messages sent at once', async () => {
    const nora = await createUser({ firstName: 'Nora', lastName: 'Client' }).then(sessionFor);
    const conversation = await open(nora, { participantId: carlaS.user._id });
    const sent = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((body) => post(nora, conversation._id, { body })),
    );
    const newest = Math.max(...sent.map((message) => Date.parse(message.createdAt)));
    const after = await stored(conversation._id);
    const marks = marksOf(after, nora.user._id);
    expect(marks).toHaveLength(1);
    expect(marks[0]?.readAt.getTime()).toBe(newest);
    expect(after.lastActivityAt.getTime()).toBe(newest);
  });

  it('never moves the mark or the activity back, and copes with a mark it did not know of', async () => {
    const nora = await createUser({ firstName: 'Nora', lastName: 'Client' }).then(sessionFor);
    const { _id } = await open(nora, { participantId: carlaS.user._id });
    const later = new Date(Date.now() + 60_000);
    const earlier = new Date(Date.now() - 60_000);
    // A snapshot without Nora's mark, read before another send of hers pushed it.
    const snapshot = await stored(_id);
    await recordNewMessage(snapshot, nora.user._id, later);
    await recordNewMessage(snapshot, nora.user._id, earlier);
    let after = await stored(_id);
    expect(marksOf(after, nora.user._id).map((mark) => mark.readAt)).toEqual([later]);
    expect(after.lastActivityAt).toEqual(later);

    // With the mark known: an older message leaves it; a newer one moves it.
    await recordNewMessage(after, nora.user._id, earlier);
    expect(marksOf(await stored(_id), nora.user._id).map((mark) => mark.readAt)).toEqual([later]);
    const latest = new Date(later.getTime() + 1_000);
    await recordNewMessage(after, nora.user._id, latest);
    after = await stored(_id);
    expect(marksOf(after, nora.user._id).map((mark) => mark.readAt)).toEqual([latest]);
    expect(after.lastActivityAt).toEqual(latest);
  });
});
