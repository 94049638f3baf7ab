import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { TOTP_DIGITS } from '@coachhub/shared/two-factor';
import { body, param } from 'express-validator';
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

/** A TOTP code or a recovery code, as typed: spaces are dropped, the service tells which it is. */
const secondFactorCode = () =>
  body('code')
    .isString()
    .withMessage('Must be a string')
    .bail()
    .customSanitizer((value: string) => value.replace(/\s/g, ''))
    .isLength({ min: TOTP_DIGITS, max: 32 })
    .withMessage(`Must be a ${TOTP_DIGITS}-digit code or a recovery code`);

/** `POST /api/auth/login/two-factor` */
export const twoFactorLoginBody = () => [
  body('challengeToken')
    .isString()
    .withMessage('Must be a string')
    .bail()
    .isLength({ min: 1, max: 2000 })
    .withMessage('Must be the challenge token of the sign-in'),
  secondFactorCode(),
];

/** `POST /api/auth/two-factor/enable`: only the authenticator app's code confirms a set-up. */
export const enableTwoFactorBody = () => [
  secondFactorCode()
    .bail()
    .matches(new RegExp(`^\\d{${TOTP_DIGITS}}$`))
    .withMessage(`Must be the ${TOTP_DIGITS}-digit code from the authenticator app`),
];

/** `POST /api/auth/two-factor/disable` and `/recovery-codes` */
export const twoFactorCodeBody = () => [secondFactorCode()];

/** `DELETE /api/auth/sessions/:id` */
export const sessionIdParam = () => param('id').isMongoId().withMessage('Must be a session id');
