import { SOCKET_AUTH_ERRORS } from '@coachhub/shared/socket-events';

import { accessToken } from './access-token';
import { refreshAccessToken } from './api-client';
import { sessionEvents } from './session-events';
import type { AppSocket } from './socket';

type SocketAuthError = (typeof SOCKET_AUTH_ERRORS)[number];

const handshakeErrorCode = (error: Error): SocketAuthError | null => {
  const data: unknown = 'data' in error ? error.data : undefined;
  const code: unknown =
    typeof data === 'object' && data !== null && 'code' in data ? data.code : null;
  return (SOCKET_AUTH_ERRORS as readonly unknown[]).includes(code)
    ? (code as SocketAuthError)
    : null;
};

const endSuspendedSession = () => {
  if (accessToken.get() === null) return;
  accessToken.clear();
  sessionEvents.emitEnded('suspended');
};

/**
 * The server closed the socket because its token expired or its session ended (logout or a
 * password change elsewhere). A refresh tells which: a new token reconnects (followToken); a
 * refused one ends the session here too (in refreshAccessToken).
 */
const renewAfterSessionEnded = () => {
  if (accessToken.get() === null) return;
  refreshAccessToken().catch(() => undefined);
};

/**
 * Keeps the socket in step with the session: connected while signed in, handshaking again
 * whenever the access token changes (login, refresh, password change), closed on logout.
 * Returns the function that stops it.
 */
export const startSocketSession = (socket: AppSocket): (() => void) => {
  // One refresh per failed handshake; a second refusal with a fresh token is not retried.
  let refreshedSinceLastConnect = false;

  const followToken = (token: string | null) => {
    socket.disconnect();
    if (token !== null) socket.connect();
  };

  const onConnect = () => {
    refreshedSinceLastConnect = false;
  };

  const onConnectError = (error: Error) => {
    const code = handshakeErrorCode(error);
    if (code === 'ACCOUNT_SUSPENDED') return endSuspendedSession();
    if (code === null || refreshedSinceLastConnect || accessToken.get() === null) return;
    refreshedSinceLastConnect = true;
    // A new token reconnects through followToken; a refused refresh ends the session there.
    refreshAccessToken().catch(() => undefined);
  };

  socket.on('connect', onConnect);
  socket.on('connect_error', onConnectError);
  socket.on('account:suspended', endSuspendedSession);
  socket.on('session:ended', renewAfterSessionEnded);
  if (accessToken.get() !== null) socket.connect();
  const stopFollowing = accessToken.subscribe(followToken);

  return () => {
    stopFollowing();
    socket.off('connect', onConnect);
    socket.off('connect_error', onConnectError);
    socket.off('account:suspended', endSuspendedSession);
    socket.off('session:ended', renewAfterSessionEnded);
    socket.disconnect();
  };
};
