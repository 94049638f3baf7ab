import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { splitServerError } from '@/components/form/server-problems';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { mergeProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { checkNewPassword, checkPasswordPresent } from '@/lib/validation';

import { useChangePassword } from '../api/change-password';

type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

const PASSWORD_FIELDS: readonly PasswordField[] = [
  'currentPassword',
  'newPassword',
  'confirmPassword',
];

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
  const errorMessage = useErrorMessage();
  // Destructured: the ref must stay its own binding for the React Compiler's ref checks.
  const {
    containerRef,
    bind,
    handleSubmit,
    focusFirstProblem,
    reset,
    problems: clientProblems,
  } = useFormState({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate,
    onEdit: () => !changePassword.isIdle && changePassword.reset(),
  });

  const server = splitServerError(changePassword.error, PASSWORD_FIELDS, {
    WRONG_PASSWORD: 'currentPassword',
    WEAK_PASSWORD: 'newPassword',
  });
  const problems = mergeProblems(server.fieldProblems, clientProblems);

  const submit = handleSubmit(({ currentPassword, newPassword }) =>
    changePassword.mutate(
      { currentPassword, newPassword },
      { onSuccess: reset, onError: focusFirstProblem },
    ),
  );

  return (
    <form
      ref={containerRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-labelledby="password-heading"
      data-testid="password-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <FormAlert
        tone="success"
        message={changePassword.isSuccess ? t('account.passwordChanged') : null}
      />
      <TextField
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        {...bind('currentPassword')}
        problem={problems.currentPassword}
      />
      <TextField
        label={t('account.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        {...bind('newPassword')}
        problem={problems.newPassword}
      />
      <TextField
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        {...bind('confirmPassword')}
        problem={problems.confirmPassword}
      />
      <div className="form__actions">
        <Button
          type="submit"
          isBusy={changePassword.isPending}
          busyLabel={t('account.changingPassword')}
        >
          {t('account.changePassword')}
        </Button>
      </div>
    </form>
  );
};
