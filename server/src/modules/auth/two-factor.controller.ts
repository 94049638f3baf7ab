import type { RecoveryCodesResponse, TwoFactorCodeRequest } from '@coachhub/shared/two-factor';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import type { TwoFactorService } from './two-factor.service.js';

/** The caller's own two-factor sign-in: status, set-up, confirmation, turning off, new codes. */
export function createTwoFactorController(twoFactor: TwoFactorService) {
  const codeOf = (req: Parameters<RequestHandler>[0]) => validated<TwoFactorCodeRequest>(req).code;
  const sendCodes = (res: Parameters<RequestHandler>[1], recoveryCodes: string[]) => {
    const answer: RecoveryCodesResponse = { recoveryCodes };
    res.json(answer);
  };

  const status: RequestHandler = async (req, res) => {
    res.json(await twoFactor.status(principalOf(req)));
  };

  const setUp: RequestHandler = async (req, res) => {
    res.json(await twoFactor.setUp(principalOf(req).userId));
  };

  const enable: RequestHandler = async (req, res) => {
    sendCodes(res, await twoFactor.enable(principalOf(req).userId, codeOf(req)));
  };

  const disable: RequestHandler = async (req, res) => {
    await twoFactor.disable(principalOf(req), codeOf(req));
    res.status(204).end();
  };

  const renewRecoveryCodes: RequestHandler = async (req, res) => {
    sendCodes(res, await twoFactor.renewRecoveryCodes(principalOf(req).userId, codeOf(req)));
  };

  return { status, setUp, enable, disable, renewRecoveryCodes };
}
