import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { DEFAULT_LOCALE } from '@coachhub/shared/locales';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { splitServerError } from '@/components/form/server-problems';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { useRegister } from '@/lib/auth/register';
import { mergeProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';
import { isLocale } from '@/lib/i18n/locale-preference';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { checkEmail, checkName, checkNewPassword } from '@/lib/validation';

type RegisterField = 'firstName' | 'lastName' | 'email' | 'password';

const REGISTER_FIELDS: readonly RegisterField[] = ['firstName', 'lastName', 'email', 'password'];

const validate = (values: Record<RegisterField, string>): FieldProblems<RegisterField> => ({
  firstName: checkName(values.firstName, 'validation.firstNameRequired'),
  lastName: checkName(values.lastName, 'validation.lastNameRequired'),
  email: checkEmail(values.email),
  password: checkNewPassword(values.password),
});

/** Creates a client account in the language the visitor is using; the page then redirects. */
export const RegisterForm = () => {
  const { t, i18n } = useTranslation();
  const registration = useRegister();
  const errorMessage = useErrorMessage();
  // Destructured: the ref must stay its own binding for the React Compiler's ref checks.
  const {
    containerRef,
    bind,
    handleSubmit,
    focusFirstProblem,
    problems: clientProblems,
  } = useFormState({
    initialValues: { firstName: '', lastName: '', email: '', password: '' },
    validate,
    onEdit: () => registration.isError && registration.reset(),
  });

  const server = splitServerError(registration.error, REGISTER_FIELDS, {
    EMAIL_TAKEN: 'email',
    WEAK_PASSWORD: 'password',
  });
  const problems = mergeProblems(server.fieldProblems, clientProblems);

  const submit = handleSubmit((values) =>
    registration.mutate(
      {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE,
      },
      { onError: focusFirstProblem },
    ),
  );

  return (
    <form
      ref={containerRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-label={t('auth.register.title')}
      data-testid="register-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <div className="form__row">
        <TextField
          label={t('auth.firstName')}
          autoComplete="given-name"
          required
          {...bind('firstName')}
          problem={problems.firstName}
        />
        <TextField
          label={t('auth.lastName')}
          autoComplete="family-name"
          required
          {...bind('lastName')}
          problem={problems.lastName}
        />
      </div>
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
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        {...bind('password')}
        problem={problems.password}
      />
      <Button
        type="submit"
        isBusy={registration.isPending}
        busyLabel={t('auth.register.submitting')}
      >
        {t('auth.register.submit')}
      </Button>
    </form>
  );
};
