import type { ReceiptDTO } from '@coachhub/shared/payment';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const getReceipt = async (bookingId: string): Promise<ReceiptDTO> => {
  const { data } = await apiClient.get<ReceiptDTO>(
    `/bookings/${encodeURIComponent(bookingId)}/receipt`,
  );
  return data;
};

export const receiptQueryOptions = (bookingId: string) =>
  queryOptions({
    queryKey: ['payments', 'receipt', bookingId],
    queryFn: () => getReceipt(bookingId),
  });

export const useReceipt = (bookingId: string) => useQuery(receiptQueryOptions(bookingId));
