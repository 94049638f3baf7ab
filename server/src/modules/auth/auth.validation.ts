import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { body } from 'express-validator';
import {
  emailField,
  localeField,
  nameField,
  passwordField,
  timeZoneField,
} from '../../core/validation-fields.js';

/** `POST /api/auth/register` */
export const registerBody = () => [
  emailField(),
  passwordField('password', PASSWORD_MIN_LENGTH),
  nameField('firstName'),
  nameField('lastName'),
  localeField().optional(),
  timeZoneField().optional(),
  // api.md: a registration is always a client's; a `role` in the body is ignored, not refused.
  body('role')
    .optional()
    .customSanitizer(() => undefined),
];

/** `POST /api/auth/login` */
export const loginBody = () => [emailField(), passwordField('password')];

/** `POST /api/users/me/password` */
export const changePasswordBody = () => [
  passwordField('currentPassword'),
  passwordField('newPassword', PASSWORD_MIN_LENGTH),
];
