import type { NotificationPreferencesDTO, NotificationType } from '@coachhub/shared/notification';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { notificationPreferencesQueryOptions } from './get-notification-preferences';

/** The server replaces the stored choices: a type left out sends e-mail again (the default). */
export interface UpdateNotificationPreferencesInput {
  email: Partial<Record<NotificationType, boolean>>;
}

export const updateNotificationPreferences = async (
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferencesDTO> => {
  const { data } = await apiClient.put<NotificationPreferencesDTO>(
    '/users/me/notification-preferences',
    input,
  );
  return data;
};

/** The answer is the stored preferences: they replace the cached ones, no refetch. */
export const useUpdateNotificationPreferences = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (preferences) =>
      queryClient.setQueryData(notificationPreferencesQueryOptions().queryKey, preferences),
  });
};
