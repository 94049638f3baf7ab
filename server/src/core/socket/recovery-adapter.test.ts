/**
 * RecoveryAdapter keeps the packets for connection state recovery as JSON text. A client that
 * drops and comes back must get exactly what socket.io-adapter's own SessionAwareAdapter would
 * have given it: the same events with the same arguments, in order, only those of its rooms, none
 * that waited for an acknowledgement or were volatile. Each scenario runs against both adapters
 * with real Socket.IO servers and clients.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { SessionAwareAdapter } from 'socket.io-adapter';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { RecoveryAdapter } from './recovery-adapter.js';

interface Running {
  io: Server;
  http: HttpServer;
  url: string;
  clients: ClientSocket[];
}

const running: Running[] = [];

afterEach(async () => {
  for (const { io, clients } of running.splice(0)) {
    for (const client of clients) client.close();
    await io.close();
  }
});

type AdapterClass = typeof RecoveryAdapter | typeof SessionAwareAdapter;

/** A server whose sockets join the rooms their handshake names. */
async function start(adapter: AdapterClass): Promise<Running> {
  const http = createServer();
  const io = new Server(http, {
    connectionStateRecovery: { maxDisconnectionDuration: 60_000, skipMiddlewares: true },
    adapter,
  });
  io.on('connection', (socket: ServerSocket) => {
    if (socket.recovered) return;
    const rooms = (socket.handshake.auth as { rooms?: string[] }).rooms ?? [];
    void socket.join(rooms);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const run: Running = {
    io,
    http,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    clients: [],
  };
  running.push(run);
  return run;
}

/**
 * Everything the client receives, in order, as [event, ...args] with binary made readable. The
 * recovery offset the server appends to each kept packet arrives as a last string argument; each
 * adapter makes its own, so it is recorded as '<offset>' (no scenario event ends with a string).
 */
function record(client: ClientSocket): unknown[][] {
  const received: unknown[][] = [];
  client.onAny((event: string, ...args: unknown[]) => {
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (answer: string) => void) : null;
    if (typeof args.at(-1) === 'string') args[args.length - 1] = '<offset>';
    received.push([event, ...args.map(readable)]);
    ack?.('got it');
  });
  return received;
}

function readable(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { binary: [...new Uint8Array(value)] };
  if (ArrayBuffer.isView(value))
    return { binary: [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)] };
  if (Array.isArray(value)) return value.map(readable);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readable(item)]));
  return value;
}

async function connect(run: Running, rooms: string[]): Promise<ClientSocket> {
  const client = connectClient(run.url, {
    auth: { rooms },
    transports: ['websocket'],
    reconnectionDelay: 20,
    reconnectionDelayMax: 20,
  });
  run.clients.push(client);
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  return client;
}

const until = async (test: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Drops the client's connection (a network loss), lets `whileAway` emit, waits for its return. */
async function dropAndReturn(
  client: ClientSocket,
  whileAway: () => void | Promise<void>,
): Promise<boolean> {
  const back = new Promise<void>((resolve) => client.io.once('reconnect', () => resolve()));
  const gone = new Promise<void>((resolve) => client.once('disconnect', () => resolve()));
  client.io.engine.close();
  await gone;
  await whileAway();
  await back;
  await until(() => client.connected, 'the reconnection');
  return client.recovered;
}

/** The scenario: what a client in room `a` receives after a drop, per adapter. */
async function scenario(adapter: AdapterClass) {
  const run = await start(adapter);
  const client = await connect(run, ['a', 'user:1']);
  const other = await connect(run, ['b']);
  const received = record(client);
  run.io.to('a').emit('before', { n: 0 });
  await until(() => received.length === 1, 'the first event');
  const recovered = await dropAndReturn(client, async () => {
    run.io.to('a').emit('message:new', {
      message: { _id: 'm1', body: 'hello', createdAt: new Date('2026-12-02T08:00:00Z') },
    });
    run.io.to('b').emit('not-for-a', { n: 1 });
    run.io.to(['a', 'b']).except('user:1').emit('excepted', { n: 2 });
    run.io.to(['b', 'user:1']).emit('through-user-room', { n: 3, list: [1, null, 'x'] });
    run.io.emit('everyone', 'text', 4, true, null);
    run.io.to('a').volatile.emit('volatile', { n: 5 });
    run.io.to('a').emit('binary', { bytes: Buffer.from([1, 2, 3]) });
    // Waits for an acknowledgement: never kept (the callback cannot be restored).
    run.io
      .to('a')
      .timeout(200)
      .emit('with-ack', { n: 6 }, () => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  run.io.to('a').emit('after', { n: 7 });
  await until(() => received.some(([event]) => event === 'after'), 'the event after return');
  other.close();
  return { recovered, received };
}

/** A RecoveryAdapter server with one client in room 'a' that has received its first event. */
async function clientWithFirstEvent() {
  const run = await start(RecoveryAdapter);
  const client = await connect(run, ['a']);
  const received = record(client);
  run.io.to('a').emit('before', 1);
  await until(() => received.length === 1, 'the first event');
  const adapter = run.io.of('/').adapter as unknown as RecoveryAdapter;
  return { run, client, received, adapter };
}

describe('RecoveryAdapter', () => {
  it('gives a returning client the same missed events as the upstream adapter, in order', async () => {
    const upstream = await scenario(SessionAwareAdapter);
    const compact = await scenario(RecoveryAdapter);

    expect(upstream.recovered).toBe(true);
    expect(compact.recovered).toBe(true);
    expect(compact.received).toEqual(upstream.received);
    expect(compact.received.map(([event]) => event)).toEqual([
      'before',
      'message:new',
      'through-user-room',
      'everyone',
      'binary',
      'after',
    ]);
    expect(compact.received[1]).toEqual([
      'message:new',
      { message: { _id: 'm1', body: 'hello', createdAt: '2026-12-02T08:00:00.000Z' } },
      '<offset>',
    ]);
    expect(compact.received[4]).toEqual(['binary', { bytes: { binary: [1, 2, 3] } }, '<offset>']);
  });

  it('keeps what was missed as JSON bytes, packets to the same rooms sharing their audience', async () => {
    const run = await start(RecoveryAdapter);
    const payload = { message: { body: 'kept as text' } };
    run.io.to('a').emit('message:new', payload);
    run.io.to('a').emit('message:new', payload);
    const packets = (
      run.io.of('/').adapter as unknown as { packets: Array<{ data: unknown; audience: unknown }> }
    ).packets;
    expect(packets).toHaveLength(2);
    expect(Buffer.isBuffer(packets[0]?.data)).toBe(true);
    expect(JSON.parse(String(packets[0]?.data))).toEqual(['message:new', payload, '1']);
    expect(packets[1]?.audience).toBe(packets[0]?.audience);
  });

  it('recovers no session from an offset it did not hand out', async () => {
    const { client, adapter } = await clientWithFirstEvent();
    const { _pid: pid, _lastOffset: offset } = client as unknown as {
      _pid: string;
      _lastOffset: string;
    };
    const sessions = (adapter as unknown as { sessions: Map<string, unknown> }).sessions;
    const recovered = await dropAndReturn(client, async () => {
      await until(() => sessions.has(pid), 'the session to be kept');
      // An offset from another adapter (socket.io-adapter's yeast ids) or from before a restart.
      expect(await adapter.restoreSession(pid, 'Q8rjQIC')).toBeNull();
      expect(await adapter.restoreSession(pid, '01')).toBeNull();
      expect(await adapter.restoreSession(pid, offset)).toMatchObject({ pid, missedPackets: [] });
    });
    expect(recovered).toBe(true);
  });

  it('forgets packets and sessions older than the recovery window', async () => {
    const { run, client, received, adapter } = await clientWithFirstEvent();
    const recovered = await dropAndReturn(client, () => {
      run.io.to('a').emit('missed', 2);
      adapter.sweep(Date.now() + 61_000);
    });
    expect(recovered).toBe(false);
    expect(received.map(([event]) => event)).toEqual(['before']);
  });
});
