import type { UserDTO } from '@coachhub/shared/user';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import type { FieldProblems } from '@/lib/field-problem';
import { deviceTimeZone } from '@/lib/format';
import { isLocale } from '@/lib/i18n/locale-preference';
import { timeZoneOptions, zoneLabel } from '@/lib/time-zones';
import { checkName } from '@/lib/validation';

import { useUpdateMe } from '../api/update-me';
import { localeOptions } from './locale-options';

type ProfileField = 'firstName' | 'lastName' | 'locale' | 'timeZone';

const validate = (values: Record<ProfileField, string>): FieldProblems<ProfileField> => ({
  firstName: checkName(values.firstName, 'validation.firstNameRequired'),
  lastName: checkName(values.lastName, 'validation.lastNameRequired'),
});

/** Mounted with a `key` of the user's `updatedAt`, so a saved profile starts a fresh form. */
export const ProfileForm = ({ user }: { user: UserDTO }) => {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const form = useFormState({
    initialValues: {
      firstName: user.firstName,
      lastName: user.lastName,
      locale: user.locale,
      timeZone: user.timeZone,
    },
    validate,
    submission: updateMe,
    onValid: (values, { focusFirstProblem }) =>
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
  });
  const zoneOptions = useMemo(() => timeZoneOptions(user.timeZone), [user.timeZone]);
  const deviceZone = deviceTimeZone();

  return (
    <FormFrame form={form} aria-labelledby="profile-heading" data-testid="profile-form">
      <div className="form__row">
        <TextField
          label={t('account.firstName')}
          autoComplete="given-name"
          required
          {...form.field('firstName')}
        />
        <TextField
          label={t('account.lastName')}
          autoComplete="family-name"
          required
          {...form.field('lastName')}
        />
      </div>
      <div className="form__row">
        <SelectField
          label={t('account.language')}
          options={localeOptions(t)}
          {...form.bind('locale')}
        />
        <SelectField
          label={t('account.timeZone')}
          hint={t('account.timeZoneHint')}
          options={zoneOptions}
          {...form.bind('timeZone')}
        />
      </div>
      {form.values.timeZone !== deviceZone && (
        <div>
          <Button variant="link" onClick={() => form.setValue('timeZone', deviceZone)}>
            {t('account.useDeviceTimeZone', { timeZone: zoneLabel(deviceZone) })}
          </Button>
        </div>
      )}
      <FormActions
        submitLabel={t('account.save')}
        busyLabel={t('account.saving')}
        isBusy={updateMe.isPending}
      />
    </FormFrame>
  );
};
