import type { SessionTypeDTO, UpdateSessionTypeRequest } from '@coachhub/shared/booking';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { invalidateSessionTypes } from './get-session-types';

export interface UpdateSessionTypeInput {
  id: string;
  changes: UpdateSessionTypeRequest;
}

export const updateSessionType = async ({
  id,
  changes,
}: UpdateSessionTypeInput): Promise<SessionTypeDTO> => {
  const { data } = await apiClient.patch<SessionTypeDTO>(
    `/session-types/${encodeURIComponent(id)}`,
    changes,
  );
  return data;
};

/** Edits and (de)activation; the coach's list is fetched again. */
export const useUpdateSessionType = (coachId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSessionType,
    onSuccess: () => invalidateSessionTypes(queryClient, coachId),
  });
};
