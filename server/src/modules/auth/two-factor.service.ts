import type { Role } from '@coachhub/shared/roles';
import type { TwoFactorSetupResponse, TwoFactorStatusDTO } from '@coachhub/shared/two-factor';
import mongoose, { Types } from 'mongoose';
import { toDataURL } from 'qrcode';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { findUserById, setTwoFactorEnabled } from '../users/user-accounts.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { createSecretBox } from './secret-box.js';
import { looksLikeTotpCode, matchTotp, newTotpSecret, totpUri } from './totp.js';
import { TwoFactor, type TwoFactorFields } from './two-factor.model.js';

/** A set-up left unconfirmed this long has to be started again (a fresh secret, a fresh QR code). */
const PENDING_SETUP_MS = 60 * 60_000;
const ISSUER = 'CoachHub';

export interface TwoFactorServiceOptions {
  /** Key material for sealing TOTP secrets (config.twoFactor.encryptionKey). */
  encryptionKey: string;
  /** REQUIRE_ADMIN_2FA: admins cannot turn it off. */
  requiredForAdmins: boolean;
}

type Actor = { userId: string; role: Role };
type Enrolment = TwoFactorFields & { _id: Types.ObjectId };

const wrongCode = () =>
  new AppError(400, 'INVALID_TWO_FACTOR_CODE', 'The code is not correct', [
    { field: 'code', location: 'body', message: 'Not correct' },
  ]);
const notEnabled = () =>
  new AppError(409, 'TWO_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not turned on');
const setupMissing = () =>
  new AppError(409, 'TWO_FACTOR_SETUP_MISSING', 'Start the two-factor set-up (again) first');

/** `user.two_factor_changed` goes out once turning it on or off committed. */
export function createTwoFactorService(options: TwoFactorServiceOptions, events: EventBus) {
  const box = createSecretBox(options.encryptionKey, 'coachhub:two-factor-secrets');
  const byUser = (userId: string) => ({ user: new Types.ObjectId(userId) });
  const activeOf = (userId: string) =>
    TwoFactor.findOne({ ...byUser(userId), enabledAt: { $ne: null } }).lean<Enrolment>();
  const isMandatory = (actor: Actor) => options.requiredForAdmins && actor.role === 'admin';

  /** Takes the TOTP step of `code` for good: compared and stored in one write, so a code works once. */
  async function useTotp(enrolment: Enrolment, userId: string, code: string, now: Date) {
    if (!enrolment.secret) return false;
    const step = await matchTotp(box.open(enrolment.secret, userId), code, {
      now,
      afterStep: enrolment.lastUsedStep,
    });
    if (step === null) return false;
    const taken = await TwoFactor.updateOne(
      { _id: enrolment._id, lastUsedStep: { $lt: step } },
      { $set: { lastUsedStep: step } },
    );
    return taken.modifiedCount === 1;
  }

  async function useRecoveryCode(enrolment: Enrolment, code: string) {
    const hash = hashRecoveryCode(code);
    const taken = await TwoFactor.updateOne(
      { _id: enrolment._id, recoveryCodeHashes: hash },
      { $pull: { recoveryCodeHashes: hash } },
    );
    return taken.modifiedCount === 1;
  }

  /** A TOTP code or an unused recovery code of the active enrolment, spent by this call. */
  async function useSecondFactor(userId: string, code: string): Promise<boolean> {
    const enrolment = await activeOf(userId);
    if (!enrolment) return false;
    return looksLikeTotpCode(code)
      ? useTotp(enrolment, userId, code, new Date())
      : useRecoveryCode(enrolment, code);
  }

  /** Refuses unless `code` is a valid second factor; 409 while two-factor sign-in is off. */
  async function requireSecondFactor(userId: string, code: string) {
    if (!(await activeOf(userId))) throw notEnabled();
    if (!(await useSecondFactor(userId, code))) throw wrongCode();
  }

  return {
    useSecondFactor,

    async status(actor: Actor): Promise<TwoFactorStatusDTO> {
      const enrolment = await activeOf(actor.userId);
      return {
        enabled: enrolment !== null,
        recoveryCodesLeft: enrolment?.recoveryCodeHashes.length ?? 0,
        mandatory: isMandatory(actor),
      };
    },

    /** A new secret waiting to be confirmed; what was on before stays on until then. */
    async setUp(userId: string): Promise<TwoFactorSetupResponse> {
      const user = await findUserById(userId);
      if (!user) throw notFound('User');
      if (await activeOf(userId)) {
        throw new AppError(409, 'TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on');
      }
      const secret = newTotpSecret();
      await TwoFactor.updateOne(
        byUser(userId),
        { $set: { pendingSecret: box.seal(secret, userId), pendingSince: new Date() } },
        { upsert: true },
      );
      const otpauthUrl = totpUri({ issuer: ISSUER, account: user.email, secret });
      const qrCodeDataUrl = await toDataURL(otpauthUrl, { margin: 1, width: 240 });
      return { secret, otpauthUrl, qrCodeDataUrl };
    },

    /** Confirms the pending set-up with a code from the app; answers the recovery codes, once. */
    async enable(userId: string, code: string): Promise<string[]> {
      const now = new Date();
      const enrolment = await TwoFactor.findOne(byUser(userId)).lean<Enrolment>();
      if (enrolment?.enabledAt) {
        throw new AppError(409, 'TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on');
      }
      const pending = enrolment?.pendingSecret;
      const since = enrolment?.pendingSince?.getTime() ?? 0;
      if (!enrolment || !pending || now.getTime() - since > PENDING_SETUP_MS) throw setupMissing();
      const step = await matchTotp(box.open(pending, userId), code, {
        now,
        afterStep: enrolment.lastUsedStep,
      });
      if (step === null) throw wrongCode();
      const recoveryCodes = newRecoveryCodes();
      await mongoose.connection.transaction(async (session) => {
        // Conditional on the very set-up that was checked: a newer set-up meanwhile wins.
        const confirmed = await TwoFactor.updateOne(
          { _id: enrolment._id, pendingSecret: pending, enabledAt: null },
          {
            $set: {
              secret: pending,
              enabledAt: now,
              pendingSecret: null,
              pendingSince: null,
              lastUsedStep: step,
              recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
            },
          },
          { session },
        );
        if (confirmed.modifiedCount !== 1) throw setupMissing();
        await setTwoFactorEnabled(userId, true, session);
      });
      events.publish('user.two_factor_changed', { userId, enabled: true });
      return recoveryCodes;
    },

    /** With a TOTP or recovery code; never for an admin while it is required of admins. */
    async disable(actor: Actor, code: string): Promise<void> {
      if (isMandatory(actor)) {
        throw new AppError(
          403,
          'TWO_FACTOR_MANDATORY',
          'Admins must keep two-factor sign-in turned on',
        );
      }
      await requireSecondFactor(actor.userId, code);
      await mongoose.connection.transaction(async (session) => {
        await TwoFactor.deleteOne(byUser(actor.userId), { session });
        await setTwoFactorEnabled(actor.userId, false, session);
      });
      events.publish('user.two_factor_changed', { userId: actor.userId, enabled: false });
    },

    /** Ten new recovery codes replace the old ones (used or not). */
    async renewRecoveryCodes(userId: string, code: string): Promise<string[]> {
      await requireSecondFactor(userId, code);
      const recoveryCodes = newRecoveryCodes();
      await TwoFactor.updateOne(
        { ...byUser(userId), enabledAt: { $ne: null } },
        { $set: { recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) } },
      );
      return recoveryCodes;
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
