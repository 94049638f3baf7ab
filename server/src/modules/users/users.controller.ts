import type {
  ChangePasswordRequest,
  RefreshResponse,
  UpdateMeRequest,
} from '@coachhub/shared/auth';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import { setRefreshCookie } from '../auth/refresh-cookie.js';
import { uploadedBytes } from '../uploads/image-upload.middleware.js';
import type { UsersService } from './users.service.js';

export function createUsersController(users: UsersService, secureCookies: boolean) {
  const getMe: RequestHandler = async (req, res) => {
    res.json(await users.getMe(principalOf(req).userId));
  };

  const updateMe: RequestHandler = async (req, res) => {
    res.json(await users.updateMe(principalOf(req).userId, validated<UpdateMeRequest>(req)));
  };

  const changePassword: RequestHandler = async (req, res) => {
    const { currentPassword, newPassword } = validated<ChangePasswordRequest>(req);
    const tokens = await users.changePassword(
      principalOf(req).userId,
      currentPassword,
      newPassword,
      req.get('user-agent'),
    );
    setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, secureCookies);
    const answer: RefreshResponse = { accessToken: tokens.accessToken };
    res.json(answer);
  };

  const setProfilePicture: RequestHandler = async (req, res) => {
    res.json(await users.setProfilePicture(principalOf(req).userId, uploadedBytes(req)));
  };

  return { getMe, updateMe, changePassword, setProfilePicture };
}
