import type { BookingDTO } from '@coachhub/shared/booking';
import type {
  ConversationDTO,
  MessageDTO,
  MessageReadEvent,
  TypingEvent,
} from '@coachhub/shared/conversation';
import type { NotificationPage } from '@coachhub/shared/notification';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../../../test/domain-events.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import {
  closeAllSockets,
  connectSocket,
  nextEvent,
  type ClientSocket,
} from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Message } from './message.model.js';

let t: TestServer;
let carla: BookableCoach;
let carlaS: SignedIn;
let lena: SignedIn;
let tom: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  carla = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: false }),
    coach: { firstName: 'Carla', lastName: 'Coach' },
  });
  [carlaS, lena, tom] = await Promise.all([
    sessionFor(carla.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

const as = (who: SignedIn) => bearer(who.accessToken);

async function openWith(who: SignedIn, coach: SignedIn): Promise<ConversationDTO> {
  const res = await t.http
    .post('/api/conversations')
    .set(as(who))
    .send({ participantId: coach.user._id });
  expect([200, 201]).toContain(res.status);
  return res.body as ConversationDTO;
}

/** Every `event` the socket receives from now on. */
function collect<T>(socket: ClientSocket, event: 'message:new' | 'typing' | 'message:read') {
  const seen: T[] = [];
  // socket.io-client's typed on() cannot follow a union of event names; T is the caller's word.
  socket.on(event, ((payload: T) => seen.push(payload)) as never);
  return seen;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function joined(socket: ClientSocket, conversationId: string) {
  expect(await socket.emitWithAck('conversation:join', { conversationId })).toEqual({
    ok: true,
    data: { conversationId },
  });
}

describe('chat over sockets', () => {
  it('sends through the socket: the ack has the stored message, the other side gets it once', async () => {
    const conversation = await openWith(lena, carlaS);
    const [lenaSocket, carlaSocket] = await Promise.all([
      connectSocket(t.baseUrl, lena.accessToken),
      connectSocket(t.baseUrl, carlaS.accessToken),
    ]);
    // Carla is in the conversation's room and in her user room: one delivery all the same.
    await joined(carlaSocket, conversation._id);
    const carlaGets = collect<{ message: MessageDTO }>(carlaSocket, 'message:new');
    const arrives = nextEvent(carlaSocket, 'message:new');

    const ack = await lenaSocket.emitWithAck('message:send', {
      conversationId: conversation._id,
      body: '  Hi Carla  ',
      clientId: 'tmp-1',
    });
    expect(ack).toMatchObject({
      ok: true,
      data: {
        conversationId: conversation._id,
        senderId: lena.user._id,
        body: 'Hi Carla',
        clientId: 'tmp-1',
      },
    });
    const stored = (ack as { data: MessageDTO }).data;
    expect((await arrives).message).toEqual(stored);
    await pause(200);
    expect(carlaGets).toHaveLength(1);

    // The same through HTTP: one service, one delivery.
    const again = nextEvent(
      carlaSocket,
      'message:new',
      ({ message }) => message.body === 'Via HTTP',
    );
    const res = await t.http
      .post(`/api/conversations/${conversation._id}/messages`)
      .set(as(lena))
      .send({ body: 'Via HTTP', replyTo: stored._id });
    expect(res.status).toBe(201);
    expect((await again).message).toEqual(res.body);
    const history = await t.http
      .get(`/api/conversations/${conversation._id}/messages`)
      .set(as(carlaS));
    expect((history.body as { items: MessageDTO[] }).items.map((m) => m.body)).toEqual([
      'Hi Carla',
      'Via HTTP',
    ]);
  });

  it('reaches a participant who has not joined the room, through their user room', async () => {
    const conversation = await openWith(tom, carlaS);
    const [tomSocket, carlaSocket] = await Promise.all([
      connectSocket(t.baseUrl, tom.accessToken),
      connectSocket(t.baseUrl, carlaS.accessToken),
    ]);
    const arrives = nextEvent(tomSocket, 'message:new');
    const ack = await carlaSocket.emitWithAck('message:send', {
      conversationId: conversation._id,
      body: 'Welcome Tom',
    });
    expect(ack.ok).toBe(true);
    expect((await arrives).message.body).toBe('Welcome Tom');
  });

  it('sends in a joined conversation as in any other: read marks, activity, the stored message', async () => {
    const tina = await createUser({ firstName: 'Tina', lastName: 'Client' }).then(sessionFor);
    const conversation = await openWith(tina, carlaS);
    const theirs = await openWith(tom, carlaS);
    const tinaSocket = await connectSocket(t.baseUrl, tina.accessToken);
    // What the join proved is about this conversation only.
    await joined(tinaSocket, conversation._id);
    expect(
      await tinaSocket.emitWithAck('message:send', { conversationId: theirs._id, body: 'Hi' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const send = async (body: string) => {
      const ack = await tinaSocket.emitWithAck('message:send', {
        conversationId: conversation._id,
        body,
      });
      expect(ack).toMatchObject({ ok: true, data: { body, senderId: tina.user._id } });
      return (ack as { data: MessageDTO }).data;
    };
    // The first send gives Tina her read mark, the next ones move it.
    await send('One');
    await send('Two');
    const reply = await t.http
      .post(`/api/conversations/${conversation._id}/messages`)
      .set(as(carlaS))
      .send({ body: 'Carla here' });
    expect(reply.status).toBe(201);
    const last = await send('Three');

    const listOf = async (who: SignedIn) => {
      const res = await t.http.get('/api/conversations').set(as(who));
      expect(res.status).toBe(200);
      const items = (res.body as { items: ConversationDTO[] }).items;
      return items.find((item) => item._id === conversation._id) as ConversationDTO;
    };
    const forTina = await listOf(tina);
    expect(forTina.unreadCount).toBe(0);
    expect(forTina.lastActivityAt).toBe(last.createdAt);
    expect(forTina.reads.find((read) => read.userId === tina.user._id)?.readAt).toBe(
      last.createdAt,
    );
    expect((await listOf(carlaS)).unreadCount).toBe(1);

    // Stored as every message is, every field present.
    const stored = await Message.collection.findOne({ _id: new Types.ObjectId(last._id) });
    expect(stored).toMatchObject({
      sender: expect.anything() as unknown,
      kind: 'text',
      image: null,
      proposal: null,
      replyTo: null,
      editedAt: null,
      deleted: false,
      deletedAt: null,
      hiddenFor: [],
      moderation: null,
      __v: 0,
    });
    expect(stored?.createdAt).toEqual(new Date(last.createdAt));
  });

  it.each([
    ['no payload', null, 'VALIDATION_FAILED'],
    ['a list', [], 'VALIDATION_FAILED'],
    ['no conversation', { body: 'hi' }, 'VALIDATION_FAILED'],
    ['a bad id', { conversationId: 'abc', body: 'hi' }, 'VALIDATION_FAILED'],
    [
      'an empty body',
      { conversationId: '65f000000000000000000001', body: '  ' },
      'VALIDATION_FAILED',
    ],
    [
      'a long body',
      { conversationId: '65f000000000000000000001', body: 'x'.repeat(4001) },
      'VALIDATION_FAILED',
    ],
    [
      'an unknown key',
      { conversationId: '65f000000000000000000001', body: 'hi', to: 'all' },
      'VALIDATION_FAILED',
    ],
    ['an operator', { conversationId: { $ne: null }, body: 'hi' }, 'VALIDATION_FAILED'],
    [
      'someone else’s conversation',
      { conversationId: '65f000000000000000000001', body: 'hi' },
      'NOT_FOUND',
    ],
  ])('answers message:send with %s: %s', async (_case, payload, code) => {
    const socket = await connectSocket(t.baseUrl, lena.accessToken);
    // Deliberately not what the types allow: the server checks at runtime.
    const ack = await socket.emitWithAck('message:send', payload as never);
    expect(ack).toMatchObject({
      ok: false,
      error: { code, message: expect.any(String) as unknown },
    });
  });

  it('refuses to join, read or type in a conversation of others, and malformed payloads', async () => {
    const theirs = await openWith(tom, carlaS);
    const socket = await connectSocket(t.baseUrl, lena.accessToken);
    for (const event of ['conversation:join', 'message:read', 'typing'] as const) {
      expect(await socket.emitWithAck(event, { conversationId: theirs._id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await socket.emitWithAck(event, { conversationId: 7 } as never)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
  });

  it('sends read receipts: the reader’s counts in the ack, message:read to the others', async () => {
    const conversation = await openWith(lena, carlaS);
    const [lenaSocket, carlaSocket] = await Promise.all([
      connectSocket(t.baseUrl, lena.accessToken),
      connectSocket(t.baseUrl, carlaS.accessToken),
    ]);
    for (const body of ['One', 'Two']) {
      expect(
        (await carlaSocket.emitWithAck('message:send', { conversationId: conversation._id, body }))
          .ok,
      ).toBe(true);
    }
    const before = await t.http.get(`/api/conversations/${conversation._id}`).set(as(lena));
    expect((before.body as ConversationDTO).unreadCount).toBe(2);

    const receipt = nextEvent(carlaSocket, 'message:read');
    const ack = await lenaSocket.emitWithAck('message:read', { conversationId: conversation._id });
    expect(ack).toMatchObject({
      ok: true,
      data: {
        conversationId: conversation._id,
        unreadCount: 0,
        readAt: expect.any(String) as unknown,
      },
    });
    const readAt = (ack as { data: { readAt: string } }).data.readAt;
    expect(await receipt).toEqual<MessageReadEvent>({
      conversationId: conversation._id,
      userId: lena.user._id,
      readAt,
    });
    const after = await t.http.get(`/api/conversations/${conversation._id}`).set(as(lena));
    expect(after.body).toMatchObject({ unreadCount: 0 });
    expect((after.body as ConversationDTO).reads).toContainEqual({ userId: lena.user._id, readAt });
  });

  it('announces an edit and a delete for everyone as message:updated', async () => {
    const conversation = await openWith(lena, carlaS);
    const [lenaSocket, carlaSocket] = await Promise.all([
      connectSocket(t.baseUrl, lena.accessToken),
      connectSocket(t.baseUrl, carlaS.accessToken),
    ]);
    await joined(carlaSocket, conversation._id);
    const sent = await lenaSocket.emitWithAck('message:send', {
      conversationId: conversation._id,
      body: 'Draft',
    });
    const message = (sent as { data: MessageDTO }).data;
    const edited = nextEvent(carlaSocket, 'message:updated', (e) => e.message.body === 'Final');
    await t.http.patch(`/api/messages/${message._id}`).set(as(lena)).send({ body: 'Final' });
    expect((await edited).message).toMatchObject({
      _id: message._id,
      editedAt: expect.any(String) as unknown,
    });
    const removed = nextEvent(carlaSocket, 'message:updated', (e) => e.message.deleted);
    await t.http.delete(`/api/messages/${message._id}?for=everyone`).set(as(lena));
    expect((await removed).message).toMatchObject({ _id: message._id, body: null, deleted: true });
  });

  it('relays typing to the others in the room, at most once per 2 seconds, never stored', async () => {
    const conversation = await openWith(lena, carlaS);
    const [lenaSocket, carlaSocket] = await Promise.all([
      connectSocket(t.baseUrl, lena.accessToken),
      connectSocket(t.baseUrl, carlaS.accessToken),
    ]);
    await joined(carlaSocket, conversation._id);
    await joined(lenaSocket, conversation._id);
    const stored = await Message.countDocuments({ conversation: conversation._id });
    const carlaSees = collect<TypingEvent>(carlaSocket, 'typing');
    const lenaSees = collect<TypingEvent>(lenaSocket, 'typing');

    const first = nextEvent(carlaSocket, 'typing');
    expect(await lenaSocket.emitWithAck('typing', { conversationId: conversation._id })).toEqual({
      ok: true,
      data: { relayed: true },
    });
    expect(await first).toEqual({ conversationId: conversation._id, userId: lena.user._id });
    expect(await lenaSocket.emitWithAck('typing', { conversationId: conversation._id })).toEqual({
      ok: true,
      data: { relayed: false },
    });
    await pause(200);
    expect(carlaSees).toHaveLength(1);
    expect(lenaSees).toEqual([]);
    // Carla typing is relayed: the limit is per user and conversation.
    expect(
      await carlaSocket.emitWithAck('typing', { conversationId: conversation._id }),
    ).toMatchObject({
      data: { relayed: true },
    });
    expect(await Message.countDocuments({ conversation: conversation._id })).toBe(stored);
    await pause(1900);
    expect(
      await lenaSocket.emitWithAck('typing', { conversationId: conversation._id }),
    ).toMatchObject({
      data: { relayed: true },
    });
  });

  it('limits a sender to 20 messages in 10 seconds (RATE_LIMITED), socket and HTTP together', async () => {
    const quick = await createUser().then(sessionFor);
    const conversation = await openWith(quick, carlaS);
    const socket = await connectSocket(t.baseUrl, quick.accessToken);
    // A burst at once: a token comes back every 500 ms, so a slow machine may fit one or two more.
    const acks = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        socket.emitWithAck('message:send', { conversationId: conversation._id, body: `n${i}` }),
      ),
    );
    const accepted = acks.filter((ack) => ack.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThan(25);
    for (const ack of acks.filter((a) => !a.ok)) {
      expect(ack).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    }
    const http = await Promise.all(
      Array.from({ length: 3 }, () =>
        t.http
          .post(`/api/conversations/${conversation._id}/messages`)
          .set(as(quick))
          .send({ body: 'and by HTTP' }),
      ),
    );
    const limited = http.find((res) => res.status === 429);
    expect(limited?.headers['retry-after']).toMatch(/^\d+$/);
    expect((limited?.body as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Others are not limited by it.
    expect(
      (
        await t.http
          .post(`/api/conversations/${conversation._id}/messages`)
          .set(as(carlaS))
          .send({ body: 'fine' })
      ).status,
    ).toBe(201);
  });
});

describe('notifications and bookings', () => {
  async function notificationsOf(who: SignedIn): Promise<NotificationPage> {
    await t.server.events.settled();
    const res = await t.http.get('/api/notifications').set(as(who));
    return res.body as NotificationPage;
  }

  it('notifies a recipient with no socket (message.received), not one who is online', async () => {
    const offline = await createUser({ firstName: 'Olga', lastName: 'Offline' }).then(sessionFor);
    const online = await createUser({ firstName: 'Omar', lastName: 'Online' }).then(sessionFor);
    const toOffline = await openWith(offline, carlaS);
    const toOnline = await openWith(online, carlaS);
    const onlineSocket = await connectSocket(t.baseUrl, online.accessToken);
    const arrives = nextEvent(onlineSocket, 'message:new');
    const events = recordEvents(t, ['message.created']);

    const res = await t.http
      .post(`/api/conversations/${toOffline._id}/messages`)
      .set(as(carlaS))
      .send({ body: 'Your   notes\nare ready' });
    expect(res.status).toBe(201);
    expect(await events.published()).toEqual([
      {
        name: 'message.created',
        payload: {
          messageId: (res.body as MessageDTO)._id,
          conversationId: toOffline._id,
          senderId: carlaS.user._id,
          recipientIds: [offline.user._id],
          preview: 'Your notes are ready',
        },
      },
    ]);
    expect(
      (
        await t.http
          .post(`/api/conversations/${toOnline._id}/messages`)
          .set(as(carlaS))
          .send({ body: 'Hello' })
      ).status,
    ).toBe(201);
    await arrives;

    const [notification] = (await notificationsOf(offline)).items;
    expect(notification).toMatchObject({
      type: 'message.received',
      key: 'notifications.message.received',
      params: {
        conversationId: toOffline._id,
        name: 'Carla Coach',
        preview: 'Your notes are ready',
      },
      link: `/messages?conversation=${toOffline._id}`,
    });
    expect((await notificationsOf(online)).items).toEqual([]);
    // The sender is never notified of their own message.
    expect(
      (await notificationsOf(carlaS)).items.filter((n) => n.type === 'message.received'),
    ).toEqual([]);
  });

  it('creates the booking’s conversation with the booking', async () => {
    const client = await createUser().then(sessionFor);
    const res = await t.http
      .post('/api/bookings')
      .set(as(client))
      .send({
        coachId: carlaS.user._id,
        sessionTypeId: carla.types[60],
        start: futureAt(6, '10:00'),
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const booking = res.body as BookingDTO;
    await t.server.events.settled();
    const list = await t.http.get('/api/conversations').set(as(client));
    const [conversation] = (list.body as { items: ConversationDTO[] }).items;
    expect(conversation).toMatchObject({ kind: 'booking', bookingId: booking._id });
    expect(conversation?.others[0]).toMatchObject({
      kind: 'coach',
      coach: { _id: carlaS.user._id },
    });
  });
});
