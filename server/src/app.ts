import compression from 'compression';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { Router, type Express, type Request, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AccessTokens } from './core/auth/access-token.js';
import { auth, optionalAuth } from './core/auth/auth.middleware.js';
import type { Authenticator } from './core/auth/principal.js';
import {
  LOCALE_COOKIE,
  SESSION_HINT_COOKIE,
  type PublicPageData,
} from '@coachhub/shared/page-render';
import type { Config } from './core/config/config.js';
import { BOOKING_EVENTS, type DomainEventName } from './core/events/domain-events.js';
import type { EventBus } from './core/events/event-bus.js';
import type { JobScheduler } from './core/jobs/job-scheduler.js';
import { AppError } from './core/errors.js';
import { createQueryParser } from './core/http/query-parser.js';
import { apiRouteNotFound, errorHandler } from './core/http/error-handler.js';
import type { Drain } from './core/http/drain.js';
import { createHealthRouter } from './core/http/health.js';
import { memoryRateLimits, type RateLimits } from './core/http/rate-limit.js';
import { requestLog } from './core/http/request-log.js';
import type { PublicReadCache } from './core/http/public-read-cache.js';
import { createPageRender } from './core/http/page-render.js';
import type { ReadCache } from './core/http/read-cache.js';
import { createSpaRouter } from './core/http/spa.js';
import type { Logger } from './core/logger.js';
import { createOpenApiRouter } from './core/openapi/openapi.routes.js';
import { requestContext } from './core/request-context.js';
import { awaitPrincipalInvalidations } from './core/auth/invalidation-barrier.js';
import type { Realtime } from './core/socket/realtime.js';
import { createAdminReports } from './modules/admin/admin-reports.js';
import { createAdminRouter } from './modules/admin/admin.routes.js';
import { createAdminService } from './modules/admin/admin.service.js';
import { createDashboardRouter } from './modules/dashboard/dashboard.routes.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { remindOfBookings } from './modules/reminders/booking-reminders.js';
import { connectPayments } from './modules/payments/payment-flows.js';
import {
  createBookingPaymentsRouter,
  createPaymentsRouter,
  rawWebhookBody,
} from './modules/payments/payments.routes.js';
import type { PaymentsService } from './modules/payments/payments.service.js';
import { createPackageRouters } from './modules/payments/package-purchases.routes.js';
import { createReportsRouter } from './modules/reports/reports.routes.js';
import { createReportsService } from './modules/reports/reports.service.js';
import { announceNewReports } from './modules/reports/reports.socket.js';
import { createReviewsRouters } from './modules/reviews/reviews.routes.js';
import { createReviewsService } from './modules/reviews/reviews.service.js';
import type { Mailer } from './modules/email/mailer.js';
import { emailNotifications } from './modules/email/notification-emails.js';
import { createOutboxRouter } from './modules/email/outbox.routes.js';
import { notifyOnDomainEvents } from './modules/notifications/notification-subscribers.js';
import {
  createNotificationPreferencesRouter,
  createNotificationsRouter,
} from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { openConversationsForBookings } from './modules/conversations/booking-conversations.js';
import {
  createConversationsRouter,
  createMessagesRouter,
  createProposalsRouter,
} from './modules/conversations/conversations.routes.js';
import type { ConversationsService } from './modules/conversations/conversations.service.js';
import {
  closeSocketsOfEndedSessions,
  closeSocketsOfSuspendedAccounts,
} from './modules/auth/account-status.socket.js';
import { createAccountStatusService } from './modules/auth/account-status.service.js';
import { createAuthRouter, createPasswordRouter } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createAvailabilityRouters } from './modules/scheduling/availability/availability.routes.js';
import { createAvailabilityService } from './modules/scheduling/availability/availability.service.js';
import { createSlotsService } from './modules/scheduling/availability/slots.service.js';
import { coachBookedTimes } from './modules/scheduling/bookings/booked-times.js';
import { announceBookingChanges } from './modules/scheduling/bookings/bookings.socket.js';
import { hasUpcomingBookings } from './modules/scheduling/bookings/booking-usage.js';
import { clientHistoryWith } from './modules/scheduling/bookings/client-history.js';
import { createBookingPresenter } from './modules/scheduling/bookings/booking-presenter.js';
import { createBookingsRouter } from './modules/scheduling/bookings/bookings.routes.js';
import type { BookingsService } from './modules/scheduling/bookings/bookings.service.js';
import { createSessionService } from './modules/auth/session.service.js';
import { createChallengeTokens } from './modules/auth/two-factor-challenge.js';
import { createTwoFactorService } from './modules/auth/two-factor.service.js';
import { createPricingRouter } from './modules/scheduling/pricing/pricing.routes.js';
import { createPricingService } from './modules/scheduling/pricing/pricing.service.js';
import { sessionTypePricing } from './modules/scheduling/pricing/session-type-pricing.js';
import { createSessionTypesRouters } from './modules/scheduling/session-types/session-types.routes.js';
import { createSessionTypesService } from './modules/scheduling/session-types/session-types.service.js';
import { announceVerificationChanges } from './modules/coaches/coach-verification.socket.js';
import { createCoachDirectory } from './modules/coaches/coach-directory.js';
import type { CoachLifecycle } from './modules/coaches/coach-lifecycle.js';
import { createCoachMatcher } from './modules/coaches/coach-match.service.js';
import { createCoachPageData } from './modules/coaches/coach-pages.js';
import { createCoachPresenter } from './modules/coaches/coach-presenter.js';
import { createCoachVerification } from './modules/coaches/coach-verification.service.js';
import { createCoachesController } from './modules/coaches/coaches.controller.js';
import { createBecomeCoachRouter, createCoachesRouter } from './modules/coaches/coaches.routes.js';
import { createCoachesService } from './modules/coaches/coaches.service.js';
import type { ImageStorage } from './modules/uploads/image-storage.js';
import { UPLOADS_URL_PATH } from './modules/uploads/local-storage.driver.js';
import { serveUploads } from './modules/uploads/uploads.static.js';
import { createUsersRouter } from './modules/users/users.routes.js';
import type { UserLifecycle } from './modules/users/user-lifecycle.js';
import { createUsersService } from './modules/users/users.service.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: { ping(): Promise<void> };
  accessTokens: AccessTokens;
  authenticate: Authenticator;
  realtime: Realtime;
  /** Chat, shared with the socket handlers (server.ts). */
  conversations: ConversationsService;
  /** Bookings, shared with chat (proposals book through it). */
  bookings: BookingsService;
  /** How bookings are paid (the provider, and the port bookings were made with). */
  payments: PaymentsService;
  /** Where rate-limit counters live (Redis with REDIS_URL); this process's memory by default. */
  rateLimits?: RateLimits;
  /** Set when shutdown begins (server.ts): `Connection: close` and a 503 from `/ready`. */
  drain?: Drain;
  /** The domain event bus; subscribers that live with the app (sockets) register on it here. */
  events: EventBus;
  storage: ImageStorage;
  coachLifecycle: CoachLifecycle;
  userLifecycle: UserLifecycle;
  mailer: Mailer;
  jobs: JobScheduler;
  /** Anonymous public reads kept in memory (server.ts shares its clears through Redis). */
  publicReads: PublicReadCache;
  /** Database reads kept between changes, cleared with `publicReads` (slot inputs here). */
  reads: ReadCache;
}

/** What anyone may read and many read again: the directory, profiles and what hangs off them. */
const PUBLIC_READ_PATHS = [
  '/coaches',
  '/coaches/:userId',
  '/coaches/:userId/session-types',
  '/coaches/:userId/reviews',
];
const PUBLIC_READ_EVENTS = [
  'coach.verification_changed',
  'user.suspended',
  'user.reinstated',
  'review.created',
  'review.hidden',
  'review.restored',
  // Bookings also change outside requests (proposals accepted over the socket, holds running out):
  // the slots and booking lists kept in the read cache go with these.
  ...BOOKING_EVENTS,
  'booking.hold_released',
] as const satisfies readonly DomainEventName[];

/** Below this a compressed answer saves less than it costs to make. */
const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Cookies the pages write for the server render (page-render.ts): a language, a hint, no credential. */
const PAGE_COOKIES: readonly string[] = [LOCALE_COOKIE, SESSION_HINT_COOKIE];

const carriesCredentialCookie = (req: Request): boolean =>
  Object.keys((req.cookies ?? {}) as Record<string, unknown>).some(
    (name) => !PAGE_COOKIES.includes(name),
  );

/**
 * What a signed-in caller is sent is never kept by a browser or a shared cache: a request that
 * carries credentials (a bearer token, or the refresh cookie on /auth) is answered `no-store`.
 */
const noStoreWhenSignedIn: RequestHandler = (req, res, next) => {
  if (req.get('authorization') !== undefined || carriesCredentialCookie(req)) {
    res.set('Cache-Control', 'no-store');
  }
  next();
};

/** The API, and what the server-rendered public pages read (the same services). */
function createApiRouter(deps: AppDeps): { api: Router; pageData: PublicPageData } {
  const { config } = deps;
  const { events } = deps;
  const sessions = createSessionService({
    accessTokens: deps.accessTokens,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    events,
  });
  const authenticated = auth(deps.authenticate);
  const secureCookies = config.isProduction;
  const limits = config.rateLimits;

  const maybeAuthenticated = optionalAuth(deps.authenticate);
  const presenter = createCoachPresenter(deps.realtime);
  const sessionTypes = createSessionTypesService({
    pricing: sessionTypePricing,
    hasUpcomingBookings,
  });
  const sessionTypeRouters = createSessionTypesRouters({
    sessionTypes,
    authenticated,
    maybeAuthenticated,
  });
  const slots = createSlotsService({ coachBookedTimes, reads: deps.reads });
  const availabilityRouters = createAvailabilityRouters({
    availability: createAvailabilityService(),
    slots,
    authenticated,
    maybeAuthenticated,
  });
  const coachesService = createCoachesService({
    presenter,
    lifecycle: deps.coachLifecycle,
    storage: deps.storage,
    activeSessionTypes: sessionTypes.activeForProfile,
    events,
  });
  const coachDirectory = createCoachDirectory(presenter);
  const coaches = createCoachesController({
    coaches: coachesService,
    directory: coachDirectory,
    matcher: createCoachMatcher(presenter, (coachId, now, withinDays) =>
      slots.freeSlots(coachId, now, withinDays),
    ),
  });
  const uploadMaxBytes = config.uploads.maxBytes;
  // Reviews and their moderation (the admin routes and report resolution use the same service).
  const reviews = createReviewsService({ events });
  const reviewRouters = createReviewsRouters({ reviews, authenticated, maybeAuthenticated });
  const pricing = createPricingService({ clientHistoryWith });
  const bookingPresenter = createBookingPresenter(presenter, deps.payments.bookingPort);
  const twoFactor = createTwoFactorService(config.twoFactor, events);
  const challenges = createChallengeTokens({ secret: config.jwtAccessSecret });
  const authService = createAuthService({ sessions, twoFactor, challenges });
  const accountStatus = createAccountStatusService({
    sessions,
    events,
    userLifecycle: deps.userLifecycle,
  });
  // Live updates are subscribers of the domain events.
  announceBookingChanges({ events, presenter: bookingPresenter, realtime: deps.realtime });
  closeSocketsOfSuspendedAccounts({ events, realtime: deps.realtime });
  closeSocketsOfEndedSessions({ events, realtime: deps.realtime });
  announceVerificationChanges({ events, presenter, realtime: deps.realtime });
  const notifications = createNotificationsService({ realtime: deps.realtime, events });
  notifyOnDomainEvents({ events, notifications, realtime: deps.realtime });
  openConversationsForBookings({ events, conversations: deps.conversations });
  const reports = createReportsService({
    events,
    messages: deps.conversations.moderation,
    reviews,
  });
  announceNewReports({ events, reports, realtime: deps.realtime });
  const { bookings } = deps;
  emailNotifications({
    events,
    mailer: deps.mailer,
    publicUrl: config.mail.publicUrl,
    bookingCalendar: bookings.calendarForParticipant,
  });
  remindOfBookings({
    events,
    jobs: deps.jobs,
    notifications,
    leadMinutes: config.reminderLeadMinutes,
  });
  // Webhooks and returns move paid bookings on; refunds follow cancellations and declines.
  const paymentFlows = connectPayments({
    payments: deps.payments,
    bookings,
    events,
    jobs: deps.jobs,
  });

  const api = Router();
  const rateLimits = deps.rateLimits ?? memoryRateLimits();
  const packageRouters = createPackageRouters({
    purchases: paymentFlows.purchases,
    authenticated,
    maybeAuthenticated,
    rateLimits,
  });
  api.use(rateLimits.http({ name: 'api', limit: limits.apiPerMinute, windowSeconds: 60 }));
  api.use(noStoreWhenSignedIn);
  const { publicReads } = deps;
  api.use(publicReads.clearAfterWrites);
  // Changes made outside a request (jobs, admins' decisions published as events) drop them too.
  for (const name of PUBLIC_READ_EVENTS) events.subscribe(name, 'public reads', publicReads.clear);
  api.get(PUBLIC_READ_PATHS, publicReads.serve);
  api.use(
    '/auth',
    createAuthRouter({
      auth: authService,
      sessions,
      twoFactor,
      challenges,
      secureCookies,
      limits,
      rateLimits,
      authenticated,
    }),
  );
  api.use(
    '/users',
    createUsersRouter({
      users: createUsersService({ storage: deps.storage, lifecycle: deps.userLifecycle, events }),
      authenticated,
      uploadMaxBytes,
    }),
    createPasswordRouter({
      auth: authService,
      sessions,
      secureCookies,
      limits,
      rateLimits,
      authenticated,
    }),
    createBecomeCoachRouter({ controller: coaches, authenticated }),
    createNotificationPreferencesRouter({ authenticated }),
    packageRouters.meRouter,
  );
  api.use(
    '/coaches',
    createCoachesRouter({
      controller: coaches,
      authenticated,
      authenticate: deps.authenticate,
      uploadMaxBytes,
    }),
  );
  // Scheduling routes that hang off a coach: /coaches/:userId/session-types and /slots.
  api.use(
    '/coaches',
    sessionTypeRouters.coachRouter,
    availabilityRouters.coachRouter,
    reviewRouters.coachRouter,
    packageRouters.coachRouter,
  );
  api.use('/session-types', sessionTypeRouters.router);
  api.use('/availability', availabilityRouters.router);
  api.use(
    '/prices',
    createPricingRouter({
      pricing,
      authenticated,
      maybeAuthenticated,
    }),
  );
  api.use(
    '/bookings',
    createBookingsRouter({
      bookings,
      authenticated,
    }),
    createBookingPaymentsRouter({ flows: paymentFlows, authenticated }),
  );
  api.use('/payments', createPaymentsRouter({ flows: paymentFlows, authenticated }));
  api.use('/packages', packageRouters.router);
  api.use('/reviews', reviewRouters.router);
  api.use('/notifications', createNotificationsRouter({ notifications, authenticated }));
  const chat = { conversations: deps.conversations, authenticated };
  api.use('/conversations', createConversationsRouter({ ...chat, uploadMaxBytes }));
  api.use('/messages', createMessagesRouter(chat));
  api.use('/proposals', createProposalsRouter(chat));
  api.use('/reports', createReportsRouter({ reports, authenticated, rateLimits }));
  const coachVerification = createCoachVerification({ presenter, events });
  api.use(
    '/admin',
    createAdminRouter({
      admin: createAdminService({ accountStatus, events, bookings, reports }),
      reports: createAdminReports({
        reports,
        messages: deps.conversations.moderation,
        reviews,
        presenter,
        coachVerification,
        accountStatus,
        events,
      }),
      reviews,
      coachVerification,
      authenticated,
    }),
  );
  api.use(
    '/dashboard',
    createDashboardRouter({
      dashboard: createDashboardService({ bookings, pricing, payments: deps.payments }),
      authenticated,
    }),
  );
  // A newcomer sees what would have been sent; never in production, never with a real SMTP server.
  if (!config.isProduction && deps.mailer.kind === 'outbox') api.use('/dev', createOutboxRouter());
  // The contract: GET /api/openapi.json and its viewer at /api/docs.
  api.use(createOpenApiRouter());
  api.use(apiRouteNotFound);
  return {
    api,
    pageData: createCoachPageData({ coaches: coachesService, directory: coachDirectory }),
  };
}

/** The Express application: security headers, CORS allow-list, `/api`, health, and the SPA. */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', createQueryParser());
  if (deps.drain) app.use(deps.drain.middleware);
  app.use(requestContext());
  app.use(requestLog(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // The app is also served over plain http (localhost, the compose proxy); upgrading would break it.
        directives: { upgradeInsecureRequests: null },
      },
    }),
  );
  app.use(
    cors({
      // Listed origins only; same-origin requests carry no CORS headers and need none.
      origin: (origin, callback) =>
        callback(null, origin ? config.corsOrigins.includes(origin) : false),
      credentials: true,
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
    }),
  );
  // JSON and other text answers above 1 kB go out compressed (br at a fast level, or gzip);
  // precompressed static files carry their Content-Encoding already and pass through untouched.
  // Socket.IO answers its own path on the HTTP server before Express sees it.
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));
  // The payment provider signs the webhook's exact bytes: read them before the JSON parser.
  app.use(rawWebhookBody());
  app.use(express.json({ limit: config.jsonBodyLimit }));
  app.use(cookieParser());
  // Several processes: a change to an account or session is answered once all of them know it.
  if (config.redisUrl) app.use(awaitPrincipalInvalidations());

  app.use(createHealthRouter(deps.database, deps.drain));
  // Always served: the demo seed writes here even when uploads go to Cloudinary.
  app.use(UPLOADS_URL_PATH, serveUploads(config.uploads.dir));
  const { api, pageData } = createApiRouter(deps);
  app.use('/api', api);
  const pageRender = createPageRender({
    clientDistDir: config.clientDistDir,
    data: pageData,
    logger,
    // Kept as long as the API's public reads, and dropped with them.
    ttlMs: config.publicReadCacheSeconds * 1000,
    onPublicChange: (listener) => deps.publicReads.onClear(listener),
  });
  const spa = createSpaRouter(config.clientDistDir, pageRender);
  if (spa) app.use(spa);
  app.use((req, _res, next) => {
    next(new AppError(404, 'ROUTE_NOT_FOUND', `No route for ${req.method} ${req.path}`));
  });
  app.use(errorHandler(logger));
  return app;
}
