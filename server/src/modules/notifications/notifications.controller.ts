import type { NotificationPreferencesDTO } from '@coachhub/shared/notification';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { pageOf } from '../../core/pagination.js';
import { validated } from '../../core/validation.js';
import { preferencesOf, savePreferences } from './notification-preferences.js';
import type { NotificationsService } from './notifications.service.js';

export function createNotificationsController(notifications: NotificationsService) {
  const list: RequestHandler = async (req, res) => {
    const { unread } = validated<{ unread?: boolean }>(req);
    const page = pageOf(req);
    res.json(
      await notifications.list(principalOf(req).userId, { unreadOnly: unread ?? false, ...page }),
    );
  };

  const markRead: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await notifications.markRead(principalOf(req).userId, id));
  };

  const markAllRead: RequestHandler = async (req, res) => {
    res.json(await notifications.markAllRead(principalOf(req).userId));
  };

  return { list, markRead, markAllRead };
}

export function createPreferencesController() {
  const get: RequestHandler = async (req, res) => {
    res.json(await preferencesOf(principalOf(req).userId));
  };

  const put: RequestHandler = async (req, res) => {
    const { email } = validated<Partial<NotificationPreferencesDTO>>(req);
    res.json(await savePreferences(principalOf(req).userId, email ?? {}));
  };

  return { get, put };
}
