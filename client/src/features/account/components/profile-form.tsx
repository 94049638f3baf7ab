import type { UserDTO } from '@coachhub/shared/user';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { splitServerError } from '@/components/form/server-problems';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { mergeProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';
import { deviceTimeZone } from '@/lib/format';
import { isLocale } from '@/lib/i18n/locale-preference';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { timeZoneOptions, zoneLabel } from '@/lib/time-zones';
import { checkName } from '@/lib/validation';

import { useUpdateMe } from '../api/update-me';
import { localeOptions } from './locale-options';

type ProfileField = 'firstName' | 'lastName' | 'locale' | 'timeZone';

const PROFILE_FIELDS: readonly ProfileField[] = ['firstName', 'lastName', 'locale', 'timeZone'];

const validate = (values: Record<ProfileField, string>): FieldProblems<ProfileField> => ({
  firstName: checkName(values.firstName, 'validation.firstNameRequired'),
  lastName: checkName(values.lastName, 'validation.lastNameRequired'),
});

/** Mounted with a `key` of the user's `updatedAt`, so a saved profile starts a fresh form. */
export const ProfileForm = ({ user }: { user: UserDTO }) => {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const errorMessage = useErrorMessage();
  // Destructured: the ref must stay its own binding for the React Compiler's ref checks.
  const {
    containerRef,
    values,
    bind,
    setValue,
    handleSubmit,
    focusFirstProblem,
    problems: clientProblems,
  } = useFormState({
    initialValues: {
      firstName: user.firstName,
      lastName: user.lastName,
      locale: user.locale,
      timeZone: user.timeZone,
    },
    validate,
    onEdit: () => updateMe.isError && updateMe.reset(),
  });
  const zoneOptions = useMemo(() => timeZoneOptions(user.timeZone), [user.timeZone]);
  const deviceZone = deviceTimeZone();

  const server = splitServerError(updateMe.error, PROFILE_FIELDS);
  const problems = mergeProblems(server.fieldProblems, clientProblems);

  const submit = handleSubmit((values) =>
    updateMe.mutate(
      {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        timeZone: values.timeZone,
        ...(isLocale(values.locale) ? { locale: values.locale } : {}),
      },
      {
        // The saved user remounts this form (see `key`), so the confirmation lives outside it.
        onSuccess: () => notify('success', 'account.saved'),
        onError: focusFirstProblem,
      },
    ),
  );

  return (
    <form
      ref={containerRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-labelledby="profile-heading"
      data-testid="profile-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <div className="form__row">
        <TextField
          label={t('account.firstName')}
          autoComplete="given-name"
          required
          {...bind('firstName')}
          problem={problems.firstName}
        />
        <TextField
          label={t('account.lastName')}
          autoComplete="family-name"
          required
          {...bind('lastName')}
          problem={problems.lastName}
        />
      </div>
      <div className="form__row">
        <SelectField label={t('account.language')} options={localeOptions(t)} {...bind('locale')} />
        <SelectField
          label={t('account.timeZone')}
          hint={t('account.timeZoneHint')}
          options={zoneOptions}
          {...bind('timeZone')}
        />
      </div>
      {values.timeZone !== deviceZone && (
        <div>
          <Button variant="link" onClick={() => setValue('timeZone', deviceZone)}>
            {t('account.useDeviceTimeZone', { timeZone: zoneLabel(deviceZone) })}
          </Button>
        </div>
      )}
      <div className="form__actions">
        <Button type="submit" isBusy={updateMe.isPending} busyLabel={t('account.saving')}>
          {t('account.save')}
        </Button>
      </div>
    </form>
  );
};
