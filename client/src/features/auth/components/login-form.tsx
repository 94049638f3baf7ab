import { useTranslation } from 'react-i18next';

import { CurrentPasswordField } from '@/components/form/current-password-field';
import { FormFrame } from '@/components/form/form-frame';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { useLogin } from '@/lib/auth/login';
import type { FieldProblems } from '@/lib/field-problem';
import { checkEmail, checkPasswordPresent } from '@/lib/validation';

type LoginField = 'email' | 'password';

const validate = (values: Record<LoginField, string>): FieldProblems<LoginField> => ({
  email: checkEmail(values.email),
  password: checkPasswordPresent(values.password),
});

/** Signs the user in; the page redirects once the session holds a user. */
export const LoginForm = () => {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useFormState({
    initialValues: { email: '', password: '' },
    validate,
    submission: login,
    onValid: ({ email, password }, { focusFirstProblem }) =>
      login.mutate({ email: email.trim(), password }, { onError: focusFirstProblem }),
  });

  return (
    <FormFrame form={form} aria-label={t('auth.login.title')} data-testid="login-form">
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        {...form.field('email')}
      />
      <CurrentPasswordField label={t('auth.password')} {...form.field('password')} />
      <Button type="submit" isBusy={login.isPending} busyLabel={t('auth.login.submitting')}>
        {t('auth.login.submit')}
      </Button>
    </FormFrame>
  );
};
