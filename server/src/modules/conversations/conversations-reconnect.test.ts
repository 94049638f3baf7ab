/**
 * Nothing is lost across disconnects: a short drop is recovered by Socket.IO's connection state
 * recovery (the missed events arrive on reconnect), anything longer, such as a server restart,
 * by a resync from the database (`GET /conversations/:id/messages?after=<last seen>`). Each
 * message arrives exactly once, in order. One memory-mongo process and the server's own entry
 * point as a process, so the server can really restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConversationDTO, MessageDTO, MessageHistory } from '@coachhub/shared/conversation';
import mongoose from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  freePort,
  startEngineProcess,
  startServerProcess,
  stopProcess,
  type EngineProcess,
  type ServerProcess,
} from '../../../test/processes.js';
import { closeAllSockets, connectSocket, type ClientSocket } from '../../../test/sockets.js';
import { withDatabaseName } from '../../../test/test-server.js';

const TIMEOUT_MS = 120_000;

let engine: EngineProcess;
let uri: string;
let uploadsDir: string;
let port: number;
let server: ServerProcess;
let coach: SignedIn;
let client: SignedIn;

const start = () => startServerProcess(uri, uploadsDir, { PORT: String(port) });

beforeAll(async () => {
  engine = await startEngineProcess();
  uri = withDatabaseName(engine.uri, 'coachhub_chat_reconnect');
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'coachhub-chat-'));
  port = await freePort();
  server = await start();
  await mongoose.connect(uri);
  [coach, client] = await Promise.all([
    createTestCoach({ firstName: 'Carla', lastName: 'Coach' }).then(sessionFor),
    createUser({ firstName: 'Lena', lastName: 'Client' }).then(sessionFor),
  ]);
}, TIMEOUT_MS);

afterAll(async () => {
  closeAllSockets();
  await stopProcess(server?.child);
  await mongoose.disconnect();
  await stopProcess(engine?.child);
  await rm(uploadsDir, { recursive: true, force: true });
});

const api = () => request(server.baseUrl);

async function conversationWithCoach(): Promise<ConversationDTO> {
  const res = await api()
    .post('/api/conversations')
    .set(bearer(client.accessToken))
    .send({ participantId: coach.user._id });
  expect([200, 201]).toContain(res.status);
  return res.body as ConversationDTO;
}

async function post(conversationId: string, body: string): Promise<MessageDTO> {
  const res = await api()
    .post(`/api/conversations/${conversationId}/messages`)
    .set(bearer(coach.accessToken))
    .send({ body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as MessageDTO;
}

/** What the client's screen holds: every message once, in the order it got them. */
function inbox(socket: ClientSocket, conversationId: string) {
  const bodies: string[] = [];
  const ids = new Set<string>();
  const add = (message: MessageDTO) => {
    if (message.conversationId !== conversationId) return;
    bodies.push(message.body ?? '');
    ids.add(message._id);
  };
  socket.on('message:new', ({ message }) => add(message));
  return {
    bodies,
    ids,
    add,
    lastId: () => [...ids].at(-1),
    async until(count: number) {
      const deadline = Date.now() + 10_000;
      while (bodies.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return bodies;
    },
  };
}

async function joined(socket: ClientSocket, conversationId: string) {
  expect(await socket.emitWithAck('conversation:join', { conversationId })).toMatchObject({
    ok: true,
  });
}

describe('chat across disconnects', () => {
  it(
    'recovers a short drop: the messages sent meanwhile arrive once, in order',
    async () => {
      const conversation = await conversationWithCoach();
      const socket = await connectSocket(server.baseUrl, client.accessToken);
      await joined(socket, conversation._id);
      const screen = inbox(socket, conversation._id);
      await post(conversation._id, 'one');
      expect(await screen.until(1)).toEqual(['one']);

      // The network goes away (not a deliberate disconnect, which would end the session).
      const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
      socket.io.engine.close();
      await dropped;
      await post(conversation._id, 'two');
      await post(conversation._id, 'three');

      const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.connect();
      await back;
      expect(socket.recovered).toBe(true);
      await post(conversation._id, 'four');
      expect(await screen.until(4)).toEqual(['one', 'two', 'three', 'four']);
      expect(screen.ids.size).toBe(4);
    },
    TIMEOUT_MS,
  );

  it(
    'resyncs after a server restart: what was missed comes by cursor, then live again',
    async () => {
      const conversation = await conversationWithCoach();
      const first = await connectSocket(server.baseUrl, client.accessToken);
      await joined(first, conversation._id);
      const screen = inbox(first, conversation._id);
      const before = (await screen.until(0)).length;
      await post(conversation._id, 'before restart');
      await screen.until(before + 1);
      const lastSeen = screen.lastId();
      first.disconnect();

      await post(conversation._id, 'missed 1');
      await post(conversation._id, 'missed 2');
      await stopProcess(server.child);
      server = await start();

      const second = await connectSocket(server.baseUrl, client.accessToken);
      expect(second.recovered).toBe(false);
      second.on('message:new', ({ message }) => screen.add(message));
      await joined(second, conversation._id);
      const missed = await api()
        .get(`/api/conversations/${conversation._id}/messages`)
        .query({ after: lastSeen })
        .set(bearer(client.accessToken));
      expect(missed.status).toBe(200);
      for (const message of (missed.body as MessageHistory).items) screen.add(message);
      expect((missed.body as MessageHistory).hasMore).toBe(false);
      await post(conversation._id, 'after restart');

      const all = await screen.until(before + 4);
      expect(all.slice(before)).toEqual([
        'before restart',
        'missed 1',
        'missed 2',
        'after restart',
      ]);
      expect(screen.ids.size).toBe(all.length);
    },
    TIMEOUT_MS,
  );
});
