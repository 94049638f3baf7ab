/**
 * One signed-in device or browser of the caller (a refresh-token family). `userAgent` and `ip`
 * are as last seen at sign-in or token refresh; `current` marks the session of the request.
 */
export interface SessionDTO {
  id: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}

/** `POST /api/auth/sessions/revoke-others`: how many sessions were ended. */
export interface RevokeOtherSessionsResponse {
  revoked: number;
}
