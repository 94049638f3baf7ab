import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';

import { accessToken } from './access-token';
import { sessionEvents } from './session-events';
import type { AppSocket } from './socket';
import { startSocketSession } from './socket-session';

type Listener = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to watch what the session does with it. */
const createFakeSocket = () => {
  const listeners = new Map<string, Set<Listener>>();
  const fake = {
    connected: false,
    connect: vi.fn(() => fake),
    disconnect: vi.fn(() => fake),
    on: (event: string, listener: Listener) => {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      return fake;
    },
    off: (event: string, listener: Listener) => {
      listeners.get(event)?.delete(listener);
      return fake;
    },
    fire: (event: string, ...args: unknown[]) =>
      listeners.get(event)?.forEach((listener) => listener(...args)),
  };
  // The session only uses connect/disconnect/on/off; the rest of the Socket API is not needed.
  return { fake, socket: fake as unknown as AppSocket };
};

const handshakeError = (code: string) => Object.assign(new Error(code), { data: { code } });

describe('startSocketSession', () => {
  const ended = vi.fn();
  let stopListening: () => void;

  beforeEach(() => {
    ended.mockReset();
    stopListening = sessionEvents.onEnded(ended);
  });

  afterEach(() => stopListening());

  it('connects when signed in, handshakes again on a new token and disconnects on logout', () => {
    const { fake, socket } = createFakeSocket();
    const stop = startSocketSession(socket);
    expect(fake.connect).not.toHaveBeenCalled();

    accessToken.set('token-1');
    expect(fake.connect).toHaveBeenCalledTimes(1);

    accessToken.set('token-2');
    expect(fake.disconnect).toHaveBeenCalledTimes(2);
    expect(fake.connect).toHaveBeenCalledTimes(2);

    accessToken.clear();
    expect(fake.disconnect).toHaveBeenCalledTimes(3);
    expect(fake.connect).toHaveBeenCalledTimes(2);
    stop();
  });

  it('refreshes the token once when the handshake is refused as expired, then reconnects', async () => {
    const api = installFakeApi({
      'POST /auth/refresh': () => ({ status: 200, data: { accessToken: 'token-2' } }),
    });
    const { fake, socket } = createFakeSocket();
    accessToken.set('token-1');
    const stop = startSocketSession(socket);
    expect(fake.connect).toHaveBeenCalledTimes(1);

    fake.fire('connect_error', handshakeError('TOKEN_EXPIRED'));
    fake.fire('connect_error', handshakeError('TOKEN_EXPIRED'));

    await vi.waitFor(() => expect(accessToken.get()).toBe('token-2'));
    expect(fake.connect).toHaveBeenCalledTimes(2);
    expect(api.requests.filter((r) => r.url === '/auth/refresh')).toHaveLength(1);
    stop();
    api.restore();
  });

  it('ends the session when the refresh after a refused handshake is refused too', async () => {
    const api = installFakeApi({
      'POST /auth/refresh': () => apiErrorReply(401, 'REFRESH_TOKEN_INVALID'),
    });
    const { fake, socket } = createFakeSocket();
    accessToken.set('token-1');
    const stop = startSocketSession(socket);

    fake.fire('connect_error', handshakeError('INVALID_TOKEN'));

    await vi.waitFor(() => expect(ended).toHaveBeenCalledWith('expired'));
    expect(accessToken.get()).toBeNull();
    stop();
    api.restore();
  });

  it('logs out on account:suspended', () => {
    const { fake, socket } = createFakeSocket();
    accessToken.set('token-1');
    const stop = startSocketSession(socket);

    fake.fire('account:suspended', { reason: 'Spam' });

    expect(accessToken.get()).toBeNull();
    expect(ended).toHaveBeenCalledWith('suspended');
    expect(fake.disconnect).toHaveBeenCalled();
    stop();
  });

  it('logs out when the handshake is refused because the account is suspended', () => {
    const { fake, socket } = createFakeSocket();
    accessToken.set('token-1');
    const stop = startSocketSession(socket);

    fake.fire('connect_error', handshakeError('ACCOUNT_SUSPENDED'));

    expect(ended).toHaveBeenCalledWith('suspended');
    stop();
  });

  it('renews the token when the server ends the socket’s session, and reconnects with it', async () => {
    const api = installFakeApi({
      'POST /auth/refresh': () => ({ status: 200, data: { accessToken: 'token-2' } }),
    });
    const { fake, socket } = createFakeSocket();
    accessToken.set('token-1');
    const stop = startSocketSession(socket);

    fake.fire('session:ended', { reason: 'expired' });

    await vi.waitFor(() => expect(accessToken.get()).toBe('token-2'));
    expect(fake.connect).toHaveBeenCalledTimes(2);
    expect(ended).not.toHaveBeenCalled();
    stop();
    api.restore();
  });

  it('signs out when the session was ended elsewhere (logout): the refresh is refused', async () => {
    const api = installFakeApi({
      'POST /auth/refresh': () => apiErrorReply(401, 'REFRESH_TOKEN_INVALID'),
    });
    const { fake, socket } = createFakeSocket();
    accessToken.set('token-1');
    const stop = startSocketSession(socket);

    fake.fire('session:ended', { reason: 'logout' });

    await vi.waitFor(() => expect(ended).toHaveBeenCalledWith('expired'));
    expect(accessToken.get()).toBeNull();
    expect(fake.disconnect).toHaveBeenCalled();
    stop();
    api.restore();
  });
});
