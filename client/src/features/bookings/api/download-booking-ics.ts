import { useMutation } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** `attachment; filename="coachhub-abc.ics"` -> `coachhub-abc.ics`. */
const fileNameOf = (disposition: unknown, fallback: string): string => {
  if (typeof disposition !== 'string') return fallback;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
};

/**
 * The calendar file needs the Authorization header, so a plain link cannot fetch it: it comes
 * through the API client as a blob and is saved through a temporary object URL.
 */
export const downloadBookingIcs = async (bookingId: string): Promise<string> => {
  const response = await apiClient.get<Blob>(`/bookings/${encodeURIComponent(bookingId)}/ics`, {
    responseType: 'blob',
    headers: { Accept: 'text/calendar' },
  });
  const fileName = fileNameOf(
    response.headers['content-disposition'],
    `coachhub-booking-${bookingId}.ics`,
  );
  const blob =
    response.data instanceof Blob
      ? response.data
      : new Blob([String(response.data)], { type: 'text/calendar' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the URL is then of no use.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return fileName;
};

export const useDownloadBookingIcs = () => useMutation({ mutationFn: downloadBookingIcs });
