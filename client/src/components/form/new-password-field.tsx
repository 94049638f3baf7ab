import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

import { TextField } from './text-field';

type NewPasswordFieldProps = Omit<
  ComponentProps<typeof TextField>,
  'type' | 'autoComplete' | 'required' | 'minLength' | 'hint'
>;

/**
 * A password being chosen (registering, changing it): password managers offer to generate
 * one, and the server's minimum length is stated before the user types.
 */
export const NewPasswordField = (props: NewPasswordFieldProps) => {
  const { t } = useTranslation();
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      {...props}
    />
  );
};
