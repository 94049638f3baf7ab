import type { UpdateMeRequest } from '@coachhub/shared/auth';
import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import { uploadedBytes } from '../uploads/image-upload.middleware.js';
import type { UsersService } from './users.service.js';

export function createUsersController(users: UsersService) {
  const getMe: RequestHandler = async (req, res) => {
    const principal = principalOf(req);
    res.json(principal.account ?? (await users.getMe(principal.userId)));
  };

  const updateMe: RequestHandler = async (req, res) => {
    res.json(await users.updateMe(principalOf(req).userId, validated<UpdateMeRequest>(req)));
  };

  const setProfilePicture: RequestHandler = async (req, res) => {
    res.json(await users.setProfilePicture(principalOf(req).userId, uploadedBytes(req)));
  };

  return { getMe, updateMe, setProfilePicture };
}
