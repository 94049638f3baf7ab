import { useTranslation } from 'react-i18next';

import { CurrentPasswordField } from '@/components/form/current-password-field';
import { FormActions } from '@/components/form/form-actions';
import { FormAlert } from '@/components/form/form-alert';
import { FormFrame } from '@/components/form/form-frame';
import { NewPasswordField } from '@/components/form/new-password-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import type { FieldProblems } from '@/lib/field-problem';
import { checkNewPassword, checkPasswordPresent } from '@/lib/validation';

import { useChangePassword } from '../api/change-password';

type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

const validate = (values: Record<PasswordField, string>): FieldProblems<PasswordField> => ({
  currentPassword: checkPasswordPresent(values.currentPassword),
  newPassword:
    checkNewPassword(values.newPassword) ??
    (values.newPassword === values.currentPassword
      ? { key: 'validation.passwordUnchanged' }
      : undefined),
  confirmPassword:
    values.confirmPassword === values.newPassword
      ? undefined
      : { key: 'validation.passwordMismatch' },
});

export const PasswordForm = () => {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const form = useFormState({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate,
    submission: changePassword,
    fieldForCode: { WRONG_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'newPassword' },
    // Any edit also clears the last change's success note.
    onEdit: () => !changePassword.isIdle && changePassword.reset(),
    onValid: ({ currentPassword, newPassword }, { focusFirstProblem, reset }) =>
      changePassword.mutate(
        { currentPassword, newPassword },
        { onSuccess: reset, onError: focusFirstProblem },
      ),
  });

  return (
    <FormFrame form={form} aria-labelledby="password-heading" data-testid="password-form">
      <FormAlert
        tone="success"
        message={changePassword.isSuccess ? t('account.passwordChanged') : null}
      />
      <CurrentPasswordField
        label={t('account.currentPassword')}
        {...form.field('currentPassword')}
      />
      <NewPasswordField label={t('account.newPassword')} {...form.field('newPassword')} />
      <TextField
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        {...form.field('confirmPassword')}
      />
      <FormActions
        submitLabel={t('account.changePassword')}
        busyLabel={t('account.changingPassword')}
        isBusy={changePassword.isPending}
      />
    </FormFrame>
  );
};
