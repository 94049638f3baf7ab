import type { CoachProfilePictureResponse } from '@coachhub/shared/coach';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { coachQueryOptions } from './get-coach';
import { invalidateCoachDirectory } from './get-coaches';

/** The multipart field the API reads the image from. */
const UPLOAD_FIELD = 'file';

export const uploadCoachPicture = async (
  userId: string,
  file: File,
): Promise<CoachProfilePictureResponse> => {
  const body = new FormData();
  body.append(UPLOAD_FIELD, file);
  // axios sets the multipart Content-Type (with its boundary) for FormData itself.
  const { data } = await apiClient.post<CoachProfilePictureResponse>(
    `/coaches/${encodeURIComponent(userId)}/profile-picture`,
    body,
  );
  return data;
};

export const useUploadCoachPicture = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadCoachPicture(userId, file),
    onSuccess: ({ coachProfilePicture }) => {
      queryClient.setQueryData(
        coachQueryOptions(userId).queryKey,
        (profile) => profile && { ...profile, coachProfilePicture },
      );
      void invalidateCoachDirectory(queryClient);
    },
  });
};
