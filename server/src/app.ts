import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { Router, type Express } from 'express';
import helmet from 'helmet';
import type { AccessTokens } from './core/auth/access-token.js';
import { auth } from './core/auth/auth.middleware.js';
import type { Authenticator } from './core/auth/principal.js';
import type { Config } from './core/config/config.js';
import { AppError } from './core/errors.js';
import { apiRouteNotFound, errorHandler } from './core/http/error-handler.js';
import { createHealthRouter } from './core/http/health.js';
import { createLimiter } from './core/http/rate-limit.js';
import { requestLog } from './core/http/request-log.js';
import { createSpaRouter } from './core/http/spa.js';
import type { Logger } from './core/logger.js';
import { requestContext } from './core/request-context.js';
import type { Realtime } from './core/socket/realtime.js';
import { createAdminRouter } from './modules/admin/admin.routes.js';
import { createAdminService } from './modules/admin/admin.service.js';
import { createAuthRouter } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createSessionService } from './modules/auth/session.service.js';
import { createUsersRouter } from './modules/users/users.routes.js';
import { createUsersService } from './modules/users/users.service.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: { ping(): Promise<void> };
  accessTokens: AccessTokens;
  authenticate: Authenticator;
  realtime: Realtime;
}

function createApiRouter(deps: AppDeps): Router {
  const { config } = deps;
  const sessions = createSessionService({
    accessTokens: deps.accessTokens,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
  });
  const authenticated = auth(deps.authenticate);
  const secureCookies = config.isProduction;
  const limits = config.rateLimits;

  const api = Router();
  api.use(createLimiter({ limit: limits.apiPerMinute, windowSeconds: 60 }));
  api.use(
    '/auth',
    createAuthRouter({ auth: createAuthService(sessions), sessions, secureCookies, limits }),
  );
  api.use(
    '/users',
    createUsersRouter({
      users: createUsersService(sessions),
      authenticated,
      secureCookies,
      limits,
    }),
  );
  api.use(
    '/admin',
    createAdminRouter({
      admin: createAdminService({ sessions, realtime: deps.realtime }),
      authenticated,
    }),
  );
  api.use(apiRouteNotFound);
  return api;
}

/** The Express application: security headers, CORS allow-list, `/api`, health, and the SPA. */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.set('trust proxy', config.trustProxy);
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
  app.use(express.json({ limit: config.jsonBodyLimit }));
  app.use(cookieParser());

  app.use(createHealthRouter(deps.database));
  app.use('/api', createApiRouter(deps));
  const spa = createSpaRouter(config.clientDistDir);
  if (spa) app.use(spa);
  app.use((req, _res, next) => {
    next(new AppError(404, 'ROUTE_NOT_FOUND', `No route for ${req.method} ${req.path}`));
  });
  app.use(errorHandler(logger));
  return app;
}
