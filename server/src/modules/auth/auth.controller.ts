import type {
  AuthResponse,
  ChangePasswordRequest,
  LoginRequest,
  RefreshResponse,
  RegisterRequest,
} from '@coachhub/shared/auth';
import type { LoginResponse, TwoFactorLoginRequest } from '@coachhub/shared/two-factor';
import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import type { AuthService, SignedIn } from './auth.service.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';
import type { ClientInfo, IssuedTokens, SessionService } from './session.service.js';

export interface AuthControllerDeps {
  auth: AuthService;
  sessions: SessionService;
  secureCookies: boolean;
}

export function createAuthController({ auth, sessions, secureCookies }: AuthControllerDeps) {
  const sendTokens = (res: Response, tokens: IssuedTokens) =>
    setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, secureCookies);
  const clientOf = (req: Request): ClientInfo => ({ userAgent: req.get('user-agent'), ip: req.ip });
  const signedInAnswer = (res: Response, signedIn: SignedIn): AuthResponse => {
    sendTokens(res, signedIn);
    return { user: signedIn.user, accessToken: signedIn.accessToken };
  };

  const register: RequestHandler = async (req, res) => {
    const signedIn = await auth.register(validated<RegisterRequest>(req), clientOf(req));
    res.status(201).json(signedInAnswer(res, signedIn));
  };

  const login: RequestHandler = async (req, res) => {
    const result = await auth.login(validated<LoginRequest>(req), clientOf(req));
    const answer: LoginResponse =
      'challengeToken' in result
        ? { twoFactorRequired: true, challengeToken: result.challengeToken }
        : signedInAnswer(res, result);
    res.json(answer);
  };

  const loginTwoFactor: RequestHandler = async (req, res) => {
    const input = validated<TwoFactorLoginRequest>(req);
    res.json(signedInAnswer(res, await auth.completeTwoFactorLogin(input, clientOf(req))));
  };

  const refresh: RequestHandler = async (req, res) => {
    try {
      const tokens = await sessions.rotate(readRefreshCookie(req), clientOf(req));
      sendTokens(res, tokens);
      const answer: RefreshResponse = { accessToken: tokens.accessToken };
      res.json(answer);
    } catch (error) {
      // A refused cookie is useless; dropping it stops the client from retrying it forever.
      clearRefreshCookie(res, secureCookies);
      throw error;
    }
  };

  const logout: RequestHandler = async (req, res) => {
    await sessions.revoke(readRefreshCookie(req));
    clearRefreshCookie(res, secureCookies);
    res.status(204).end();
  };

  /** Every other session ends; this client gets a fresh one. */
  const changePassword: RequestHandler = async (req, res) => {
    const { currentPassword, newPassword } = validated<ChangePasswordRequest>(req);
    const tokens = await auth.changePassword(
      principalOf(req).userId,
      currentPassword,
      newPassword,
      clientOf(req),
    );
    sendTokens(res, tokens);
    const answer: RefreshResponse = { accessToken: tokens.accessToken };
    res.json(answer);
  };

  return { register, login, loginTwoFactor, refresh, logout, changePassword };
}
