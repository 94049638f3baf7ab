import type { NotificationDTO, NotificationEvent } from '@coachhub/shared/notification';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { invalidateNotifications, prependNotification } from './get-notifications';

type OnNotification = (notification: NotificationDTO) => void;

/**
 * `notification:new` reaches the recipient's sockets: the notification goes on top of the cached
 * lists and the badge takes the unread count the event carries; `onNew` then hears of it (the
 * toast). Returns the function that stops it.
 */
export const followNotificationUpdates = (
  source: AppSocket,
  queryClient: QueryClient,
  onNew?: OnNotification,
): (() => void) => {
  const onNotification = ({ notification, unreadCount }: NotificationEvent) => {
    prependNotification(queryClient, notification, unreadCount);
    onNew?.(notification);
  };
  // Notifications sent while disconnected were missed: fetch the lists again.
  const onConnect = () => void invalidateNotifications(queryClient);

  source.on('notification:new', onNotification);
  source.on('connect', onConnect);
  return () => {
    source.off('notification:new', onNotification);
    source.off('connect', onConnect);
  };
};

/** Mount once, in the layout; `onNew` may change between renders without resubscribing. */
export const useNotificationUpdates = (onNew?: OnNotification): void => {
  const queryClient = useQueryClient();
  const onNewRef = useRef(onNew);
  useEffect(() => {
    onNewRef.current = onNew;
  });
  useEffect(
    () =>
      followNotificationUpdates(socket, queryClient, (notification) =>
        onNewRef.current?.(notification),
      ),
    [queryClient],
  );
};
