import { Router, type RequestHandler } from 'express';
import { validate } from '../../core/validation.js';
import {
  createNotificationsController,
  createPreferencesController,
} from './notifications.controller.js';
import type { NotificationsService } from './notifications.service.js';
import {
  listNotificationsQuery,
  notificationIdParam,
  preferencesBody,
} from './notifications.validation.js';

/** `/api/notifications`: the caller's own notifications. */
export function createNotificationsRouter(deps: {
  notifications: NotificationsService;
  authenticated: RequestHandler;
}): Router {
  const controller = createNotificationsController(deps.notifications);
  const { authenticated } = deps;
  const router = Router();
  router.get('/', authenticated, validate(listNotificationsQuery()), controller.list);
  router.post('/read-all', authenticated, validate(), controller.markAllRead);
  router.post('/:id/read', authenticated, validate(notificationIdParam()), controller.markRead);
  return router;
}

/** `GET|PUT /api/users/me/notification-preferences`, mounted under `/users` by the app. */
export function createNotificationPreferencesRouter(deps: {
  authenticated: RequestHandler;
}): Router {
  const controller = createPreferencesController();
  const router = Router();
  const path = '/me/notification-preferences';
  router.get(path, deps.authenticated, validate(), controller.get);
  router.put(path, deps.authenticated, validate(preferencesBody()), controller.put);
  return router;
}
