import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** What `io()` returns here: records listeners, connection calls and emits. */
const created = vi.hoisted(() => ({
  sockets: [] as {
    listeners: Map<string, Set<Listener>>;
    connect: ReturnType<typeof vi.fn>;
    emitted: unknown[][];
    connected: boolean;
  }[],
}));

vi.mock('socket.io-client', () => ({
  io: () => {
    const listeners = new Map<string, Set<Listener>>();
    const record = { listeners, connect: vi.fn(), emitted: [] as unknown[][], connected: false };
    created.sockets.push(record);
    const real = {
      get connected() {
        return record.connected;
      },
      active: false,
      on: (event: string, listener: Listener) => {
        listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      },
      off: (event: string, listener: Listener) => listeners.get(event)?.delete(listener),
      connect: record.connect,
      disconnect: vi.fn(),
      timeout: () => ({
        emitWithAck: (...args: unknown[]) => {
          record.emitted.push(args);
          return Promise.resolve({ ok: true });
        },
      }),
    };
    return real;
  },
}));

describe('the lazily loaded socket', () => {
  beforeEach(() => {
    vi.resetModules();
    created.sockets.length = 0;
  });

  it('does not load socket.io until a connection is wanted, then keeps the listeners', async () => {
    const { socket } = await import('./socket');
    const onConnect = vi.fn();
    socket.on('connect', onConnect);

    expect(created.sockets).toHaveLength(0);
    expect(socket.connected).toBe(false);
    expect(socket.active).toBe(false);

    socket.connect();
    expect(socket.active).toBe(true);
    await vi.waitFor(() => expect(created.sockets).toHaveLength(1));

    const [real] = created.sockets;
    expect(real?.connect).toHaveBeenCalledOnce();
    real?.listeners.get('connect')?.forEach((listener) => listener());
    expect(onConnect).toHaveBeenCalledOnce();
  });

  it('forgets a listener removed before the library arrived', async () => {
    const { socket } = await import('./socket');
    const onConnect = vi.fn();
    socket.on('connect', onConnect);
    socket.off('connect', onConnect);
    socket.connect();

    await vi.waitFor(() => expect(created.sockets).toHaveLength(1));
    expect(created.sockets[0]?.listeners.get('connect')?.size ?? 0).toBe(0);
  });

  it('sends an event with an answer once the library is loaded', async () => {
    const { socket } = await import('./socket');

    const answer = await socket.timeout(1000).emitWithAck('presence:query', { userIds: ['u1'] });

    expect(answer).toEqual({ ok: true });
    expect(created.sockets[0]?.emitted).toEqual([['presence:query', { userIds: ['u1'] }]]);
  });

  it('a disconnect before the library arrived leaves it unconnected', async () => {
    const { socket } = await import('./socket');
    socket.connect();
    socket.disconnect();

    await vi.waitFor(() => expect(created.sockets).toHaveLength(1));
    expect(created.sockets[0]?.connect).not.toHaveBeenCalled();
    expect(socket.active).toBe(false);
  });
});
