import { model, Schema, type Types } from 'mongoose';

/**
 * One account's two-factor sign-in. The TOTP secrets are sealed (AES-256-GCM, `secret-box.ts`)
 * and recovery codes are kept only as hashes. Whether it is on is also copied to the User
 * (`twoFactorEnabled`), in the same transaction, for sign-in and authorization to read.
 */
export interface TwoFactorFields {
  user: Types.ObjectId;
  /** The active secret; null until an enrolment is confirmed with a code. */
  secret: string | null;
  enabledAt: Date | null;
  /** A set-up not confirmed yet; replaced by each new set-up. */
  pendingSecret: string | null;
  pendingSince: Date | null;
  /** The newest TOTP time step accepted: a code of that step or earlier is a replay. */
  lastUsedStep: number;
  /** SHA-256 of each unused recovery code; a use removes its hash. */
  recoveryCodeHashes: string[];
  createdAt: Date;
  updatedAt: Date;
}

const twoFactorSchema = new Schema<TwoFactorFields>(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
    secret: { type: String, default: null },
    enabledAt: { type: Date, default: null },
    pendingSecret: { type: String, default: null },
    pendingSince: { type: Date, default: null },
    lastUsedStep: { type: Number, default: 0 },
    recoveryCodeHashes: { type: [String], default: [] },
  },
  { timestamps: true },
);

export const TwoFactor = model<TwoFactorFields>('TwoFactor', twoFactorSchema);
