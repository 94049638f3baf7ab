import { isTwoFactorChallenge } from '@coachhub/shared/two-factor';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CurrentPasswordField } from '@/components/form/current-password-field';
import { FormFrame } from '@/components/form/form-frame';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { useLogin } from '@/lib/auth/login';
import type { FieldProblems } from '@/lib/field-problem';
import { checkEmail, checkPasswordPresent } from '@/lib/validation';

import { TwoFactorLoginForm } from './two-factor-login-form';

type LoginField = 'email' | 'password';

const validate = (values: Record<LoginField, string>): FieldProblems<LoginField> => ({
  email: checkEmail(values.email),
  password: checkPasswordPresent(values.password),
});

/**
 * Signs the user in; the page redirects once the session holds a user. With two-factor sign-in
 * on, the right password leads to the code step.
 */
export const LoginForm = () => {
  const { t } = useTranslation();
  const login = useLogin();
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  const form = useFormState({
    initialValues: { email: '', password: '' },
    validate,
    submission: login,
    onValid: ({ email, password }, { focusFirstProblem }) =>
      login.mutate(
        { email: email.trim(), password },
        {
          onError: focusFirstProblem,
          onSuccess: (answer) => {
            if (isTwoFactorChallenge(answer)) setChallengeToken(answer.challengeToken);
          },
        },
      ),
  });

  if (challengeToken) {
    return (
      <TwoFactorLoginForm
        challengeToken={challengeToken}
        onStartOver={() => {
          setChallengeToken(null);
          login.reset();
        }}
      />
    );
  }

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
