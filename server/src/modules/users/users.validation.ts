import { localeField, nameField, timeZoneField } from '../../core/validation-fields.js';

/** `PATCH /api/users/me`: names, locale and time zone; never email, role or status. */
export const updateMeBody = () => [
  nameField('firstName').optional(),
  nameField('lastName').optional(),
  localeField().optional(),
  timeZoneField().optional(),
];
