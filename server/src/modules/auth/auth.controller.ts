import type {
  AuthResponse,
  ChangePasswordRequest,
  LoginRequest,
  RefreshResponse,
  RegisterRequest,
} from '@coachhub/shared/auth';
import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import type { AuthService } from './auth.service.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';
import type { IssuedTokens, SessionService } from './session.service.js';

export interface AuthControllerDeps {
  auth: AuthService;
  sessions: SessionService;
  secureCookies: boolean;
}

export function createAuthController({ auth, sessions, secureCookies }: AuthControllerDeps) {
  const sendTokens = (res: Response, tokens: IssuedTokens) =>
    setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, secureCookies);
  const userAgent = (req: Request) => req.get('user-agent');

  const register: RequestHandler = async (req, res) => {
    const signedIn = await auth.register(validated<RegisterRequest>(req), userAgent(req));
    sendTokens(res, signedIn);
    const answer: AuthResponse = { user: signedIn.user, accessToken: signedIn.accessToken };
    res.status(201).json(answer);
  };

  const login: RequestHandler = async (req, res) => {
    const signedIn = await auth.login(validated<LoginRequest>(req), userAgent(req));
    sendTokens(res, signedIn);
    const answer: AuthResponse = { user: signedIn.user, accessToken: signedIn.accessToken };
    res.json(answer);
  };

  const refresh: RequestHandler = async (req, res) => {
    try {
      const tokens = await sessions.rotate(readRefreshCookie(req));
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
      userAgent(req),
    );
    sendTokens(res, tokens);
    const answer: RefreshResponse = { accessToken: tokens.accessToken };
    res.json(answer);
  };

  return { register, login, refresh, logout, changePassword };
}
