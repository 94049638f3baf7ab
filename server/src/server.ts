import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { createApp } from './app.js';
import { createAccessTokens } from './core/auth/access-token.js';
import { createPrincipalCache } from './core/auth/principal-cache.js';
import {
  localPrincipalInvalidation,
  redisPrincipalInvalidation,
  type PrincipalInvalidation,
} from './core/auth/shared-principal-invalidation.js';
import type { Config } from './core/config/config.js';
import { connectDatabase, type Database } from './core/db/connect-database.js';
import { createEventBus, type EventBus } from './core/events/event-bus.js';
import { createDrain } from './core/http/drain.js';
import { memoryRateLimits, redisRateLimits, type RateLimits } from './core/http/rate-limit.js';
import { createPublicReadCache } from './core/http/public-read-cache.js';
import { createReadCache } from './core/http/read-cache.js';
import { sharePublicReadClears } from './core/http/shared-public-read-clears.js';
import { connectRedis } from './core/redis/connect-redis.js';
import { createJobScheduler, type JobScheduler } from './core/jobs/job-scheduler.js';
import { createLogger, type Logger } from './core/logger.js';
import { createRealtime } from './core/socket/realtime.js';
import { attachRedisAdapter } from './core/socket/redis-adapter.js';
import { createSocketServer } from './core/socket/socket-server.js';
import type { SocketRegistrar, TypedServer } from './core/socket/socket-types.js';
import { createAuthenticator, forgetChangedPrincipals } from './modules/auth/authenticator.js';
import { registerAvailabilityDefaults } from './modules/scheduling/availability/availability-defaults.js';
import { createCoachLifecycle } from './modules/coaches/coach-lifecycle.js';
import { createMailer, type Mailer } from './modules/email/mailer.js';
import { closeMjmlWorker } from './modules/email/mjml-worker.js';
import { registerCoachUserSync } from './modules/coaches/coach-user-sync.js';
import { createPresenceRegistrar } from './modules/presence/presence.socket.js';
import { createConversationsRegistrar } from './modules/conversations/conversations.socket.js';
import { createConversationsService } from './modules/conversations/conversations.service.js';
import { createBookingPresenter } from './modules/scheduling/bookings/booking-presenter.js';
import { createBookingsService } from './modules/scheduling/bookings/bookings.service.js';
import { createPaymentProvider } from './modules/payments/payment-providers.js';
import { createPaymentsService } from './modules/payments/payments.service.js';
import { onPaymentRecordsChanged } from './modules/payments/payment-record-changes.js';
import { createCoachPresenter } from './modules/coaches/coach-presenter.js';
import { registerPricingDefaults } from './modules/scheduling/pricing/pricing-defaults.js';
import { ensureAdminAccount } from './modules/seed/admin-bootstrap.js';
import { seedDemoData } from './modules/seed/demo-seed.js';
import { createImageStorage, createStorageDriver } from './modules/uploads/image-storage.js';
import { createLocalStorageDriver } from './modules/uploads/local-storage.driver.js';
import { createUserLifecycle } from './modules/users/user-lifecycle.js';

export interface CoachHubServer {
  app: Express;
  httpServer: HttpServer;
  io: TypedServer;
  database: Database;
  logger: Logger;
  /** Domain events of this process (tests subscribe to see what was published). */
  events: EventBus;
  /** Starts listening (port 0 picks a free one) and resolves with the bound address. */
  listen(port?: number): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests finish, closes sockets, Redis and the database. */
  close(): Promise<void>;
}

/** Signed-in sessions whose principal is remembered at once (a few MB at most). */
const PRINCIPAL_CACHE_SESSIONS = 20_000;

/** Everything the process runs: database, HTTP app and Socket.IO on one HTTP server. */
export async function createServer(
  config: Config,
  options: { logger?: Logger } = {},
): Promise<CoachHubServer> {
  const logger = options.logger ?? createLogger(config);
  const database = await connectDatabase(config, logger);
  let closeRedis = async () => {};
  let mailer: Mailer | undefined;
  let jobs: JobScheduler | undefined;
  try {
    // Features that react to a new coach (scheduling: default prices and availability) register here.
    const events = createEventBus(logger);
    mailer = createMailer(config.mail);
    jobs = createJobScheduler({
      db: database.db,
      processEveryMs: config.jobsProcessEveryMs,
      logger,
    });
    logger.info(`E-mail: ${mailer.kind === 'smtp' ? 'SMTP' : 'outbox (GET /api/dev/outbox)'}`);
    const coachLifecycle = createCoachLifecycle();
    registerPricingDefaults(coachLifecycle);
    registerAvailabilityDefaults(coachLifecycle);
    // Copies of user fields kept by modules above users (the coach directory) follow changes.
    const userLifecycle = createUserLifecycle();
    registerCoachUserSync(userLifecycle);
    const storage = createImageStorage(await createStorageDriver(config.uploads), logger);
    logger.info(
      `Uploads: ${storage.driver.kind === 'cloudinary' ? 'Cloudinary' : config.uploads.dir}`,
    );

    if (config.admin) await ensureAdminAccount(config.admin, logger);
    if (config.seedDemoData) {
      await seedDemoData({
        logger,
        coachLifecycle,
        // Demo pictures stay on local disk, never in a real Cloudinary account.
        pictures: createLocalStorageDriver(config.uploads.dir),
        meetingBaseUrl: config.meetingBaseUrl,
      });
    }

    const accessTokens = createAccessTokens({
      secret: config.jwtAccessSecret,
      ttlSeconds: config.jwtAccessTtlSeconds,
    });
    const principals = createPrincipalCache({
      max: PRINCIPAL_CACHE_SESSIONS,
      ttlMs: config.principalCacheTtlSeconds * 1000,
    });
    const authenticate = createAuthenticator(accessTokens, principals, config.twoFactor);
    let principalInvalidation: PrincipalInvalidation = localPrincipalInvalidation(principals);
    // Read at each connection; the features that need `io` through Realtime join the list below,
    // before the HTTP server (and so any socket) exists.
    const registrars: SocketRegistrar[] = [createPresenceRegistrar()];
    const io = createSocketServer({
      corsOrigins: config.corsOrigins,
      authenticate,
      logger,
      registrars,
    });
    let rateLimits: RateLimits = memoryRateLimits();
    if (config.redisUrl) {
      const closeAdapter = await attachRedisAdapter(io, config.redisUrl, logger);
      // Rate-limit counters shared by every process, so a client's allowance is not multiplied.
      const counters = await connectRedis(config.redisUrl, logger, 'rate limits');
      rateLimits = redisRateLimits(counters);
      // A suspension or logout on one process empties the principal caches of all of them.
      principalInvalidation = await redisPrincipalInvalidation(principals, config.redisUrl, logger);
      const sharedInvalidation = principalInvalidation;
      closeRedis = async () => {
        await closeAdapter();
        await Promise.allSettled([counters.quit(), sharedInvalidation.close()]);
      };
    }
    forgetChangedPrincipals({ events, invalidation: principalInvalidation });
    const publicReads = createPublicReadCache({ ttlMs: config.publicReadCacheSeconds * 1000 });
    if (config.redisUrl) {
      // A profile edit through one process drops the kept answers of all of them.
      const closeClears = await sharePublicReadClears(publicReads, config.redisUrl, logger);
      const closeBefore = closeRedis;
      closeRedis = async () => {
        await Promise.allSettled([closeBefore(), closeClears()]);
      };
    }
    // Reads that only a write changes (slot inputs, booking lists), dropped with the public reads.
    const reads = createReadCache({
      ttlMs: config.publicReadCacheSeconds * 1000,
      isDatabaseUp: () => mongoose.connection.readyState === mongoose.ConnectionStates.connected,
      // What the booking lists wait for before answering a kept page (an outage answers 503).
      pingDatabase: () => database.db.command({ ping: 1 }),
    });
    publicReads.onClear(reads.clear);
    // Payment records also change in event subscribers and jobs: each write drops them everywhere.
    const stopPaymentClears = onPaymentRecordsChanged(publicReads.clear);
    const realtime = createRealtime(io);
    const coachPresenter = createCoachPresenter(realtime);
    // How bookings are paid: Stripe online when configured, else at the session (manual).
    const payments = createPaymentsService({
      provider: createPaymentProvider(config.payments),
      holdMinutes: config.payments.holdMinutes,
      jobs,
      publicUrl: config.mail.publicUrl,
      logger,
      reads,
    });
    const bookings = createBookingsService({
      presenter: createBookingPresenter(
        createCoachPresenter(realtime, reads),
        payments.bookingPort,
        reads,
      ),
      events,
      meetingBaseUrl: config.meetingBaseUrl,
      pendingLimits: config.pendingRequestLimits,
      payments: payments.bookingPort,
      reads,
    });
    // Chat: HTTP routes (createApp) and socket events share one service.
    const conversations = createConversationsService({
      realtime,
      events,
      presenter: coachPresenter,
      storage,
      bookings,
      rateLimits,
    });
    registrars.push(createConversationsRegistrar({ conversations, logger }));

    const drain = createDrain();
    const app = createApp({
      config,
      logger,
      database,
      drain,
      rateLimits,
      accessTokens,
      authenticate,
      realtime,
      events,
      conversations,
      bookings,
      payments,
      storage,
      coachLifecycle,
      userLifecycle,
      mailer,
      jobs,
      publicReads,
      reads,
    });
    // After every job is defined (by the modules createApp wired).
    await jobs.start();
    const httpServer = createHttpServer(app);
    io.attach(httpServer);

    return {
      app,
      httpServer,
      io,
      database,
      logger,
      events,
      listen: (port = config.port) => listen(httpServer, port),
      close: async () => {
        // Stop taking connections, keep answering on the open ones for a moment (each response
        // closing its connection), then close what is left.
        drain.start();
        if (config.shutdownDrainMs > 0) {
          stopListening(httpServer);
          await delay(config.shutdownDrainMs);
        }
        await closeHttpAndSockets(httpServer, io, config.shutdownTimeoutSeconds);
        logger.debug('HTTP server and sockets closed');
        // Subscribers of the last changes still read and write; let them finish first.
        await jobs?.stop();
        await events.settled();
        mailer?.close();
        await closeMjmlWorker();
        stopPaymentClears();
        await closeRedis();
        await database.close();
        logger.debug('Database closed');
      },
    };
  } catch (error) {
    await jobs?.stop();
    await closeRedis();
    await database.close();
    throw error;
  }
}

function listen(httpServer: HttpServer, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, () => {
      httpServer.off('error', reject);
      resolve(httpServer.address() as AddressInfo);
    });
  });
}

/**
 * Stops accepting connections and nothing else. http.Server#close() would also cut the idle
 * keep-alive connections at once, racing a client that is sending its next request on one (it
 * sees a reset); net.Server#close() leaves them to close after their next response.
 */
function stopListening(httpServer: HttpServer): void {
  NetServer.prototype.close.call(httpServer);
}

/**
 * io.close() disconnects every socket and closes the HTTP server, whose callback fires once
 * in-flight requests are answered. Keep-alive connections that turn idle meanwhile are swept
 * so they do not hold the exit up; whatever is still open after the timeout is cut.
 */
async function closeHttpAndSockets(
  httpServer: HttpServer,
  io: TypedServer,
  timeoutSeconds: number,
) {
  const idleSweep = setInterval(() => httpServer.closeIdleConnections(), 100);
  const deadline = setTimeout(() => httpServer.closeAllConnections(), timeoutSeconds * 1000);
  try {
    await new Promise<void>((resolve) => {
      // An error here only means the server was never listening, which is fine when closing.
      void io.close(() => resolve());
    });
  } finally {
    clearInterval(idleSweep);
    clearTimeout(deadline);
  }
}
