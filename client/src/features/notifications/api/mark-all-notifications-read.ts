import type { NotificationReadResponse } from '@coachhub/shared/notification';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { notify } from '@/components/notifications/notifications-store';
import { apiClient } from '@/lib/api-client';

import { markReadInLists } from './get-notifications';

export const markAllNotificationsRead = async (): Promise<NotificationReadResponse> => {
  const { data } = await apiClient.post<NotificationReadResponse>('/notifications/read-all');
  return data;
};

/** Every cached notification turns read and the badge goes to the count the server answers (0). */
export const useMarkAllNotificationsRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: ({ unreadCount }) => markReadInLists(queryClient, null, unreadCount),
    onError: () => notify('error', 'notifications.center.markAllFailed'),
  });
};
