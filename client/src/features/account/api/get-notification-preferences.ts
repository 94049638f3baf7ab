import type { NotificationPreferencesDTO } from '@coachhub/shared/notification';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getNotificationPreferences = async (): Promise<NotificationPreferencesDTO> => {
  const { data } = await apiClient.get<NotificationPreferencesDTO>(
    '/users/me/notification-preferences',
  );
  return data;
};

/** The signed-in user's; a logout clears the whole cache, so the key needs no user id. */
export const notificationPreferencesQueryOptions = () =>
  queryOptions({
    queryKey: ['users', 'me', 'notification-preferences'] as const,
    queryFn: getNotificationPreferences,
  });

export const useNotificationPreferences = () => useQuery(notificationPreferencesQueryOptions());
