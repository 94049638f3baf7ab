import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { splitServerError } from '@/components/form/server-problems';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { useLogin } from '@/lib/auth/login';
import { mergeProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { checkEmail, checkPasswordPresent } from '@/lib/validation';

type LoginField = 'email' | 'password';

const LOGIN_FIELDS: readonly LoginField[] = ['email', 'password'];

const validate = (values: Record<LoginField, string>): FieldProblems<LoginField> => ({
  email: checkEmail(values.email),
  password: checkPasswordPresent(values.password),
});

/** Signs the user in; the page redirects once the session holds a user. */
export const LoginForm = () => {
  const { t } = useTranslation();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  // Destructured: the ref must stay its own binding for the React Compiler's ref checks.
  const {
    containerRef,
    bind,
    handleSubmit,
    focusFirstProblem,
    problems: clientProblems,
  } = useFormState({
    initialValues: { email: '', password: '' },
    validate,
    onEdit: () => login.isError && login.reset(),
  });

  const server = splitServerError(login.error, LOGIN_FIELDS);
  const problems = mergeProblems(server.fieldProblems, clientProblems);

  const submit = handleSubmit(({ email, password }) =>
    login.mutate({ email: email.trim(), password }, { onError: focusFirstProblem }),
  );

  return (
    <form
      ref={containerRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-label={t('auth.login.title')}
      data-testid="login-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        {...bind('email')}
        problem={problems.email}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        required
        {...bind('password')}
        problem={problems.password}
      />
      <Button type="submit" isBusy={login.isPending} busyLabel={t('auth.login.submitting')}>
        {t('auth.login.submit')}
      </Button>
    </form>
  );
};
