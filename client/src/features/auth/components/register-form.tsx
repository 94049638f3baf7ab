import { DEFAULT_LOCALE } from '@coachhub/shared/locales';
import { useTranslation } from 'react-i18next';

import { FormFrame } from '@/components/form/form-frame';
import { NewPasswordField } from '@/components/form/new-password-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { useRegister } from '@/lib/auth/register';
import type { FieldProblems } from '@/lib/field-problem';
import { deviceTimeZone, isValidTimeZone } from '@/lib/format';
import { isLocale } from '@/lib/i18n/locale-preference';
import { checkEmail, checkName, checkNewPassword } from '@/lib/validation';

type RegisterField = 'firstName' | 'lastName' | 'email' | 'password';

/** The browser's zone, so the calendar shows local times from the start (UTC when it has none). */
const browserTimeZone = (): { timeZone?: string } => {
  const zone = deviceTimeZone();
  return zone && isValidTimeZone(zone) ? { timeZone: zone } : {};
};

const validate = (values: Record<RegisterField, string>): FieldProblems<RegisterField> => ({
  firstName: checkName(values.firstName, 'validation.firstNameRequired'),
  lastName: checkName(values.lastName, 'validation.lastNameRequired'),
  email: checkEmail(values.email),
  password: checkNewPassword(values.password),
});

/**
 * Creates a client account in the language and time zone the visitor is using; the page then
 * redirects.
 */
export const RegisterForm = () => {
  const { t, i18n } = useTranslation();
  const registration = useRegister();
  const form = useFormState({
    initialValues: { firstName: '', lastName: '', email: '', password: '' },
    validate,
    submission: registration,
    fieldForCode: { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' },
    onValid: (values, { focusFirstProblem }) =>
      registration.mutate(
        {
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim(),
          email: values.email.trim(),
          password: values.password,
          locale: isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE,
          ...browserTimeZone(),
        },
        { onError: focusFirstProblem },
      ),
  });

  return (
    <FormFrame form={form} aria-label={t('auth.register.title')} data-testid="register-form">
      <div className="form__row">
        <TextField
          label={t('auth.firstName')}
          autoComplete="given-name"
          required
          {...form.field('firstName')}
        />
        <TextField
          label={t('auth.lastName')}
          autoComplete="family-name"
          required
          {...form.field('lastName')}
        />
      </div>
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        {...form.field('email')}
      />
      <NewPasswordField label={t('auth.password')} {...form.field('password')} />
      <Button
        type="submit"
        isBusy={registration.isPending}
        busyLabel={t('auth.register.submitting')}
      >
        {t('auth.register.submit')}
      </Button>
    </FormFrame>
  );
};
