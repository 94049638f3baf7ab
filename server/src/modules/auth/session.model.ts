import { model, Schema, type Types } from 'mongoose';

/** `revoked`: ended by its user from the list of sessions (one, or all but the current one). */
export const SESSION_REVOKE_REASONS = [
  'logout',
  'reuse',
  'password_change',
  'suspended',
  'revoked',
] as const;
export type SessionRevokeReason = (typeof SESSION_REVOKE_REASONS)[number];

/**
 * One login = one refresh-token family. Only sha256 hashes of refresh tokens are stored.
 * The family id (`_id`) is the `sid` claim of every access token issued for it.
 */
export interface SessionFields {
  user: Types.ObjectId;
  /** Hash of the one refresh token of this family that may be used next. */
  tokenHash: string;
  /** Hashes of tokens already rotated away: presenting one again means the token leaked. */
  rotatedTokenHashes: string[];
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: SessionRevokeReason | null;
  /** Sign-in, then each refresh: the device's last sign of life that the server sees. */
  lastUsedAt: Date;
  /** As last seen, at sign-in or refresh (shown to the user in their list of sessions). */
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Enough history to recognise a replayed token without letting one document grow forever. */
export const ROTATED_HASHES_KEPT = 100;

const sessionSchema = new Schema<SessionFields>(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    tokenHash: { type: String, required: true, unique: true },
    rotatedTokenHashes: { type: [String], default: [], index: true },
    // Expired families are removed by MongoDB (engines without TTL support just keep them).
    expiresAt: { type: Date, required: true, index: { expireAfterSeconds: 0 } },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, enum: [...SESSION_REVOKE_REASONS, null], default: null },
    lastUsedAt: { type: Date, required: true },
    userAgent: { type: String, default: null, maxlength: 300 },
    ip: { type: String, default: null, maxlength: 100 },
  },
  { timestamps: true },
);

export const Session = model<SessionFields>('Session', sessionSchema);
