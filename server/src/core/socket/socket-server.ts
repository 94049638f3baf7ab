import type { ErrorCode } from '@coachhub/shared/errors';
import { adminsRoom, sessionRoom, userRoom } from '@coachhub/shared/socket-events';
import { Server } from 'socket.io';
import type { Authenticator } from '../auth/principal.js';
import { AppError, errorText } from '../errors.js';
import type { Logger } from '../logger.js';
import { RecoveryAdapter } from './recovery-adapter.js';
import type { SocketRegistrar, TypedServer, TypedSocket } from './socket-types.js';

/** The error a refused handshake hands to the client's `connect_error` (code in `err.data.code`). */
class HandshakeError extends Error {
  readonly data: { code: ErrorCode };
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.data = { code };
  }
}

function tokenOf(auth: unknown): string | undefined {
  if (typeof auth !== 'object' || auth === null || !('token' in auth)) return undefined;
  return typeof auth.token === 'string' && auth.token !== '' ? auth.token : undefined;
}

/** setTimeout's largest delay; a token living longer is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SocketServerOptions {
  corsOrigins: string[];
  authenticate: Authenticator;
  logger: Logger;
  registrars: SocketRegistrar[];
}

/**
 * Socket.IO with the shared event maps. The handshake's `auth.token` goes through the same
 * Authenticator as HTTP; each socket then joins its user room and the features wire their events.
 * Not attached to an HTTP server yet: createServer does that once the app exists.
 */
export function createSocketServer(options: SocketServerOptions): TypedServer {
  const io: TypedServer = new Server({
    serveClient: false,
    // A client back within two minutes gets the events it missed, in order (across processes
    // through the Redis Streams adapter); a longer absence resyncs by cursor over HTTP. The
    // handshake is checked again on recovery: a suspended or signed-out user stays out.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // In one process the missed events are kept in memory, as JSON (see RecoveryAdapter); with
    // REDIS_URL the Redis Streams adapter replaces it.
    adapter: RecoveryAdapter,
    ...(options.corsOrigins.length > 0
      ? { cors: { origin: options.corsOrigins, credentials: true } }
      : {}),
  });

  io.use(async (socket, next) => {
    try {
      const principal = await options.authenticate(tokenOf(socket.handshake.auth));
      // Nothing live for an admin who must set up two-factor sign-in first; it reconnects after.
      if (principal.twoFactorSetupRequired) {
        next(new HandshakeError('TWO_FACTOR_REQUIRED', 'Turn on two-factor sign-in first'));
        return;
      }
      socket.data.userId = principal.userId;
      socket.data.role = principal.role;
      socket.data.sessionId = principal.sessionId;
      closeAtExpiry(socket, principal.expiresAt);
      next();
    } catch (error) {
      if (error instanceof AppError) {
        next(new HandshakeError(error.code, error.message));
        return;
      }
      options.logger.error('Socket handshake failed', {
        error: errorText(error),
      });
      next(new HandshakeError('INTERNAL_ERROR', 'Could not verify the connection'));
    }
  });

  io.on('connection', async (socket) => {
    // Joined before any feature sees the socket, so nothing is emitted to a half-set-up user.
    await socket.join([
      userRoom(socket.data.userId),
      sessionRoom(socket.data.sessionId),
      // Admins hear what concerns all of them (e.g. the verification queue) in one room.
      ...(socket.data.role === 'admin' ? [adminsRoom()] : []),
    ]);
    for (const register of options.registrars) register(io, socket);
  });

  return io;
}

/**
 * A socket lives no longer than the access token it connected with: when the token expires the
 * client is told (`session:ended`, reason `expired`) and the socket closes, so it reconnects with
 * a fresh token, which is checked again, or not at all once the session is over.
 */
function closeAtExpiry(socket: TypedSocket, expiresAt?: Date) {
  if (!expiresAt) return;
  const timer = setTimeout(
    () => {
      socket.emit('session:ended', { reason: 'expired' });
      socket.disconnect(true);
    },
    Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_TIMER_MS),
  );
  timer.unref();
  socket.once('disconnect', () => clearTimeout(timer));
}
