import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BookingDTO } from '@coachhub/shared/booking';
import type {
  ConversationDTO,
  MessageDTO,
  ProposalAcceptResponse,
} from '@coachhub/shared/conversation';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { NotificationPage } from '@coachhub/shared/notification';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images } from '../../../test/coach-fixtures.js';
import { recordEvents } from '../../../test/domain-events.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  addMinutes,
  createBookableCoach,
  futureAt,
  openAvailability,
  type BookableCoach,
} from '../../../test/scheduling-fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Message } from './message.model.js';

let t: TestServer;
let carla: BookableCoach;
let marco: BookableCoach;
let carlaS: SignedIn;
let lena: SignedIn;
let tom: SignedIn;
let otherCoach: SignedIn;
let events: ReturnType<typeof recordEvents>;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  // Carla approves requests herself: a proposal both sides agreed to is confirmed anyway.
  carla = await createBookableCoach({
    availability: openAvailability('UTC', { requiresApproval: true }),
    coach: { firstName: 'Carla', lastName: 'Coach' },
  });
  marco = await createBookableCoach({ coach: { firstName: 'Marco', lastName: 'M' } });
  [carlaS, otherCoach, lena, tom] = await Promise.all([
    sessionFor(carla.user),
    sessionFor(marco.user),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
    createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor),
  ]);
  events = recordEvents(t, ['proposal.sent', 'proposal.answered', 'booking.created']);
});
afterEach(() => closeAllSockets());
afterAll(async () => {
  await t.close();
});

const as = (who: SignedIn) => bearer(who.accessToken);
const errorOf = (body: unknown) => (body as ApiErrorBody).error;

async function conversationOf(who: SignedIn, body: object): Promise<ConversationDTO> {
  const res = await t.http.post('/api/conversations').set(as(who)).send(body);
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return res.body as ConversationDTO;
}

const propose = (who: SignedIn, conversationId: string, body: object) =>
  t.http.post(`/api/conversations/${conversationId}/proposals`).set(as(who)).send(body);

async function proposed(who: SignedIn, conversationId: string, body: object): Promise<MessageDTO> {
  const res = await propose(who, conversationId, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as MessageDTO;
}

const answer = (who: SignedIn, proposalId: string, verb: 'accept' | 'decline') =>
  t.http.post(`/api/proposals/${proposalId}/${verb}`).set(as(who)).send({});

const bookingsOf = async (who: SignedIn, role: 'client' | 'coach'): Promise<BookingDTO[]> => {
  const res = await t.http.get(`/api/bookings?role=${role}`).set(as(who));
  expect(res.status).toBe(200);
  return (res.body as { items: BookingDTO[] }).items;
};

const notificationsOf = async (who: SignedIn): Promise<NotificationPage> => {
  const res = await t.http.get('/api/notifications').set(as(who));
  expect(res.status).toBe(200);
  return res.body as NotificationPage;
};

describe('booking proposals', () => {
  it('the coach proposes a time, the client accepts: a confirmed booking both see, live', async () => {
    const chat = await conversationOf(lena, { participantId: carla.user.id });
    const lenaSocket = await connectSocket(t.baseUrl, lena.accessToken);
    const carlaSocket = await connectSocket(t.baseUrl, carlaS.accessToken);
    const start = futureAt(3, '10:00');
    const cardArrives = nextEvent(lenaSocket, 'message:new', (e) => e.message.kind === 'proposal');

    const message = await proposed(carlaS, chat._id, { sessionTypeId: carla.types[60], start });
    expect(message).toMatchObject({ kind: 'proposal', body: null, senderId: carla.user.id });
    expect(message.proposal).toMatchObject({
      _id: message._id,
      kind: 'booking',
      status: 'open',
      proposedBy: carla.user.id,
      coachId: carla.user.id,
      clientId: lena.user._id,
      sessionType: { _id: carla.types[60], title: '60-minute session', durationMinutes: 60 },
      start: new Date(start).toISOString(),
      end: addMinutes(start, 60),
      bookingId: null,
      price: { amount: 8000, currency: 'EUR' },
    });
    expect((await cardArrives).message.proposal?.status).toBe('open');
    const received = (await notificationsOf(lena)).items.find(
      (n) => n.type === 'proposal.received',
    );
    expect(received).toMatchObject({
      params: {
        name: 'Carla Coach',
        title: '60-minute session',
        start: new Date(start).toISOString(),
      },
      link: `/messages?conversation=${chat._id}`,
    });

    const carlaSeesAnswer = nextEvent(
      carlaSocket,
      'message:updated',
      (e) => e.message._id === message._id,
    );
    const res = await answer(lena, message._id, 'accept');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { booking, message: card } = res.body as ProposalAcceptResponse;
    expect(booking).toMatchObject({
      status: 'confirmed',
      start: new Date(start).toISOString(),
      client: { _id: lena.user._id },
      coach: { _id: carla.user.id },
    });
    expect(card.proposal).toMatchObject({
      status: 'accepted',
      bookingId: booking._id,
      answeredBy: lena.user._id,
    });
    expect((await carlaSeesAnswer).message.proposal?.status).toBe('accepted');
    expect((await bookingsOf(carlaS, 'coach')).map((b) => b._id)).toContain(booking._id);
    expect((await bookingsOf(lena, 'client')).map((b) => b._id)).toContain(booking._id);
    const accepted = (await notificationsOf(carlaS)).items.find(
      (n) => n.type === 'proposal.accepted',
    );
    expect(accepted?.params).toMatchObject({ name: 'Lena Client', title: '60-minute session' });

    // Answered once: a second accept or a decline is refused and changes nothing.
    expect(errorOf((await answer(lena, message._id, 'accept')).body).code).toBe('PROPOSAL_CLOSED');
    expect(errorOf((await answer(lena, message._id, 'decline')).body).code).toBe('PROPOSAL_CLOSED');
    expect(
      (await bookingsOf(lena, 'client')).filter((b) => b.start === booking.start),
    ).toHaveLength(1);
  });

  it('the client proposes, the coach accepts: booked for the client, confirmed', async () => {
    const chat = await conversationOf(tom, { participantId: carla.user.id });
    const start = futureAt(4, '09:00');
    const message = await proposed(tom, chat._id, { sessionTypeId: carla.types[30], start });
    expect(message.proposal).toMatchObject({ coachId: carla.user.id, clientId: tom.user._id });
    // The proposer cannot accept their own proposal.
    const own = await answer(tom, message._id, 'accept');
    expect(own.status).toBe(403);
    const res = await answer(carlaS, message._id, 'accept');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { booking } = res.body as ProposalAcceptResponse;
    expect(booking).toMatchObject({ status: 'confirmed', client: { _id: tom.user._id } });
    expect(booking.sessionType._id).toBe(carla.types[30]);
  });

  it('checks the time when proposed, with the booking rules and their 409s', async () => {
    const chat = await conversationOf(lena, { participantId: carla.user.id });
    const taken = futureAt(5, '11:00');
    const first = await proposed(carlaS, chat._id, {
      sessionTypeId: carla.types[60],
      start: taken,
    });
    expect((await answer(lena, first._id, 'accept')).status).toBe(200);

    const conflict = await propose(carlaS, chat._id, {
      sessionTypeId: carla.types[30],
      start: addMinutes(taken, 30),
    });
    expect(conflict.status).toBe(409);
    expect(errorOf(conflict.body).code).toBe('BOOKING_CONFLICT');
    const tooFar = await propose(carlaS, chat._id, {
      sessionTypeId: carla.types[30],
      start: futureAt(200, '10:00'),
    });
    expect(tooFar.status).toBe(409);
    expect(errorOf(tooFar.body).code).toBe('SLOT_UNAVAILABLE');
    // A session type of a coach who is not in this conversation is not offered here.
    const otherType = await propose(carlaS, chat._id, {
      sessionTypeId: marco.types[30],
      start: futureAt(6, '10:00'),
    });
    expect(otherType.status).toBe(404);
  });

  it('refuses bad bodies with 400 and strangers with 404', async () => {
    const chat = await conversationOf(lena, { participantId: carla.user.id });
    const start = futureAt(7, '10:00');
    for (const body of [
      {},
      { start },
      { sessionTypeId: carla.types[30] },
      { sessionTypeId: carla.types[30], bookingId: carla.types[30], start },
      { sessionTypeId: 'nope', start },
      { sessionTypeId: carla.types[30], start: 'tomorrow' },
      { sessionTypeId: carla.types[30], start, price: 1 },
    ]) {
      const res = await propose(carlaS, chat._id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(res.body).code).toBe('VALIDATION_FAILED');
    }
    const stranger = await propose(tom, chat._id, { sessionTypeId: carla.types[30], start });
    expect(stranger.status).toBe(404);
    const message = await proposed(carlaS, chat._id, { sessionTypeId: carla.types[30], start });
    for (const verb of ['accept', 'decline'] as const) {
      expect((await answer(tom, message._id, verb)).status).toBe(404);
    }
    expect((await answer(lena, 'not-an-id', 'accept')).status).toBe(400);
    expect((await answer(lena, chat._id, 'accept')).status).toBe(404);
  });

  it('declined by the other side, withdrawn by the proposer; neither books', async () => {
    const chat = await conversationOf(tom, { participantId: carla.user.id });
    const before = (await bookingsOf(tom, 'client')).length;
    const one = await proposed(carlaS, chat._id, {
      sessionTypeId: carla.types[30],
      start: futureAt(8, '10:00'),
    });
    const declined = await answer(tom, one._id, 'decline');
    expect(declined.status).toBe(200);
    expect((declined.body as MessageDTO).proposal).toMatchObject({
      status: 'declined',
      answeredBy: tom.user._id,
    });
    const two = await proposed(carlaS, chat._id, {
      sessionTypeId: carla.types[30],
      start: futureAt(8, '12:00'),
    });
    const withdrawn = await answer(carlaS, two._id, 'decline');
    expect((withdrawn.body as MessageDTO).proposal?.status).toBe('withdrawn');
    expect(errorOf((await answer(tom, two._id, 'accept')).body).code).toBe('PROPOSAL_CLOSED');
    expect(await bookingsOf(tom, 'client')).toHaveLength(before);
    const declinedNote = (await notificationsOf(carlaS)).items.find(
      (n) => n.type === 'proposal.declined',
    );
    expect(declinedNote?.params).toMatchObject({ name: 'Tom Client' });
  });

  it('two people answering at once: exactly one outcome, at most one booking', async () => {
    for (let round = 0; round < 5; round += 1) {
      const chat = await conversationOf(lena, { participantId: carla.user.id });
      const start = futureAt(10 + round, '15:00');
      const message = await proposed(carlaS, chat._id, { sessionTypeId: carla.types[30], start });
      // Lena accepts from two tabs while Carla withdraws.
      const answers = await Promise.all([
        answer(lena, message._id, 'accept'),
        answer(lena, message._id, 'accept'),
        answer(carlaS, message._id, 'decline'),
      ]);
      const statuses = answers.map((res) => res.status);
      expect(
        statuses.filter((status) => status === 200),
        JSON.stringify(statuses),
      ).toHaveLength(1);
      expect(
        answers.filter((res) => res.status === 409).map((res) => errorOf(res.body).code),
      ).toEqual(['PROPOSAL_CLOSED', 'PROPOSAL_CLOSED']);
      const stored = await Message.findById(message._id).lean();
      const booked = (await bookingsOf(lena, 'client')).filter(
        (b) => b.start === new Date(start).toISOString(),
      );
      if (stored?.proposal?.status === 'accepted') {
        expect(booked).toHaveLength(1);
        expect(stored.proposal.booking?.toString()).toBe(booked[0]?._id);
      } else {
        expect(stored?.proposal?.status).toBe('withdrawn');
        expect(booked).toHaveLength(0);
      }
    }
  });

  it('two proposals for the same time: accepting the second answers BOOKING_CONFLICT and leaves it open', async () => {
    const lenaChat = await conversationOf(lena, { participantId: carla.user.id });
    const tomChat = await conversationOf(tom, { participantId: carla.user.id });
    const start = futureAt(20, '08:00');
    const toLena = await proposed(carlaS, lenaChat._id, { sessionTypeId: carla.types[60], start });
    const toTom = await proposed(carlaS, tomChat._id, { sessionTypeId: carla.types[60], start });
    expect((await answer(lena, toLena._id, 'accept')).status).toBe(200);
    const late = await answer(tom, toTom._id, 'accept');
    expect(late.status).toBe(409);
    expect(errorOf(late.body).code).toBe('BOOKING_CONFLICT');
    const card = await Message.findById(toTom._id).lean();
    expect(card?.proposal?.status).toBe('open');
    // Still answerable: Tom can decline it.
    expect((await answer(tom, toTom._id, 'decline')).status).toBe(200);
  });

  it('a reschedule proposal moves the booking when the other side accepts', async () => {
    const chat = await conversationOf(tom, { participantId: carla.user.id });
    const start = futureAt(12, '10:00');
    const made = await proposed(carlaS, chat._id, { sessionTypeId: carla.types[30], start });
    const { booking } = (await answer(tom, made._id, 'accept')).body as ProposalAcceptResponse;
    const later = futureAt(13, '14:00');
    const move = await proposed(tom, chat._id, { bookingId: booking._id, start: later });
    expect(move.proposal).toMatchObject({
      kind: 'reschedule',
      bookingId: booking._id,
      previousStart: booking.start,
      start: new Date(later).toISOString(),
      price: null,
    });
    // Someone else's booking cannot be proposed here.
    const lenaChat = await conversationOf(lena, { participantId: carla.user.id });
    const foreign = await propose(lena, lenaChat._id, { bookingId: booking._id, start: later });
    expect(foreign.status).toBe(404);

    const res = await answer(carlaS, move._id, 'accept');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const moved = (res.body as ProposalAcceptResponse).booking;
    expect(moved).toMatchObject({ _id: booking._id, start: new Date(later).toISOString() });
    expect(moved.history.at(-1)).toMatchObject({ action: 'reschedule' });
  });

  it('needs a coach and a client: not in support conversations', async () => {
    const support = await conversationOf(lena, { support: true });
    const res = await propose(lena, support._id, {
      sessionTypeId: carla.types[30],
      start: futureAt(9, '10:00'),
    });
    expect(res.status).toBe(403);
    // Two coaches: the session type says who is the coach.
    const coaches = await conversationOf(otherCoach, { participantId: carla.user.id });
    const between = await proposed(otherCoach, coaches._id, {
      sessionTypeId: carla.types[30],
      start: futureAt(9, '11:00'),
    });
    expect(between.proposal).toMatchObject({
      coachId: carla.user.id,
      clientId: otherCoach.user._id,
    });
  });

  it('a proposal cannot be edited or deleted for everyone; it shows in history and the list', async () => {
    const chat = await conversationOf(lena, { participantId: carla.user.id });
    const message = await proposed(carlaS, chat._id, {
      sessionTypeId: carla.types[30],
      start: futureAt(9, '16:00'),
    });
    const edit = await t.http
      .patch(`/api/messages/${message._id}`)
      .set(as(carlaS))
      .send({ body: 'x' });
    expect(edit.status).toBe(409);
    const remove = await t.http.delete(`/api/messages/${message._id}?for=everyone`).set(as(carlaS));
    expect(remove.status).toBe(409);
    const history = await t.http.get(`/api/conversations/${chat._id}/messages`).set(as(lena));
    const items = (history.body as { items: MessageDTO[] }).items;
    expect(items.at(-1)).toMatchObject({ _id: message._id, kind: 'proposal' });
    const list = await t.http.get('/api/conversations').set(as(lena));
    const entry = (list.body as { items: ConversationDTO[] }).items.find((c) => c._id === chat._id);
    expect(entry?.lastMessage?.preview).toBe('📅 30-minute session');
  });

  it('publishes proposal.sent and proposal.answered after the writes', async () => {
    events.clear();
    const chat = await conversationOf(tom, { participantId: carla.user.id });
    const message = await proposed(carlaS, chat._id, {
      sessionTypeId: carla.types[30],
      start: futureAt(14, '10:00'),
    });
    await answer(tom, message._id, 'accept');
    const names = (await events.published()).map((event) => event.name);
    expect(names).toEqual(['proposal.sent', 'booking.created', 'proposal.answered']);
  });
});

describe('chat pictures', () => {
  const sendPicture = (who: SignedIn, conversationId: string, bytes: Buffer, body?: string) => {
    const req = t.http
      .post(`/api/conversations/${conversationId}/messages`)
      .set(as(who))
      .attach('file', bytes, { filename: 'photo.png', contentType: 'image/png' });
    return body === undefined ? req : req.field('body', body);
  };
  const fileOf = (url: string) => path.join(t.uploadsDir, url.replace(/^\/uploads\//, ''));

  it('sends a picture with or without text; the other side sees it; deleting removes the file', async () => {
    const chat = await conversationOf(lena, { participantId: carla.user.id });
    const carlaSocket = await connectSocket(t.baseUrl, carlaS.accessToken);
    const arrives = nextEvent(carlaSocket, 'message:new', (e) => e.message.image !== null);
    const bytes = images.png(1);
    const res = await sendPicture(lena, chat._id, bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const message = res.body as MessageDTO;
    expect(message).toMatchObject({ kind: 'text', body: null });
    expect(message.image?.url).toMatch(/^\/uploads\/chat-images\/[0-9a-f]{32}\.png$/);
    expect(await readFile(fileOf(message.image?.url ?? ''))).toEqual(bytes);
    expect((await arrives).message.image).toEqual(message.image);

    const captioned = await sendPicture(lena, chat._id, images.png(2), '  the view  ');
    expect(captioned.status).toBe(201);
    expect(captioned.body as MessageDTO).toMatchObject({ body: 'the view' });

    const removed = await t.http.delete(`/api/messages/${message._id}?for=everyone`).set(as(lena));
    expect(removed.status).toBe(200);
    expect(removed.body as MessageDTO).toMatchObject({ deleted: true, image: null });
    await expect(access(fileOf(message.image?.url ?? ''))).rejects.toThrow();
  });

  it('refuses a file that is not a picture, an empty message, and strangers', async () => {
    const chat = await conversationOf(lena, { participantId: carla.user.id });
    const text = await sendPicture(lena, chat._id, Buffer.from('not a picture at all'));
    expect(text.status).toBe(415);
    const empty = await t.http
      .post(`/api/conversations/${chat._id}/messages`)
      .set(as(lena))
      .field('body', '   ');
    expect(empty.status).toBe(400);
    expect(errorOf(empty.body).code).toBe('VALIDATION_FAILED');
    const stranger = await sendPicture(tom, chat._id, images.png(3));
    expect(stranger.status).toBe(404);
  });
});
