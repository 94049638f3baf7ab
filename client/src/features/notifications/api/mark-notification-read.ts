import type { NotificationReadResponse } from '@coachhub/shared/notification';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { invalidateNotifications, markReadInLists } from './get-notifications';

export const markNotificationRead = async (id: string): Promise<NotificationReadResponse> => {
  const { data } = await apiClient.post<NotificationReadResponse>(
    `/notifications/${encodeURIComponent(id)}/read`,
  );
  return data;
};

/** The notification turns read in every cached page, with the unread count the server answers. */
export const useMarkNotificationRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: ({ unreadCount }, id) => markReadInLists(queryClient, [id], unreadCount),
    // Gone or not ours (404): show what the server has.
    onError: () => invalidateNotifications(queryClient),
  });
};
