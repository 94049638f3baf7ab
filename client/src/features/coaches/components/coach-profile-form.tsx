import { COACH_PROFILE_LIMITS } from '@coachhub/shared/coach';
import type { CoachDTO } from '@coachhub/shared/coach';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { CoachTopicsFields } from '@/components/coach/coach-topics-fields';
import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { SelectField } from '@/components/form/select-field';
import { SwitchField } from '@/components/form/switch-field';
import { TextAreaField } from '@/components/form/text-area-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { notify } from '@/components/notifications/notifications-store';
import { timeZoneOptions } from '@/lib/time-zones';

import { useUpdateCoach } from '../api/update-coach';
import { toProfileValues, toUpdateRequest, validateProfile } from './coach-profile-values';

const L = COACH_PROFILE_LIMITS;

/** Every field `PATCH /coaches/:userId` takes; names change on the account page. */
export const CoachProfileForm = ({ coach }: { coach: CoachDTO }) => {
  const { t } = useTranslation();
  const updateCoach = useUpdateCoach(coach._id);
  const form = useFormState({
    initialValues: toProfileValues(coach),
    validate: validateProfile,
    submission: updateCoach,
    onValid: (valid, { focusFirstProblem }) =>
      updateCoach.mutate(toUpdateRequest(valid), {
        onSuccess: () => notify('success', 'coaches.editor.saved'),
        onError: focusFirstProblem,
      }),
  });
  const zones = useMemo(() => timeZoneOptions(coach.timeZone), [coach.timeZone]);

  return (
    <FormFrame form={form} aria-labelledby="coach-details-heading" data-testid="coach-profile-form">
      <TextField
        label={t('coaches.editor.headline')}
        hint={t('coaches.editor.headlineHint', { max: L.headlineLength })}
        required
        {...form.field('headline')}
      />
      <TextAreaField
        label={t('coaches.editor.bio')}
        hint={t('coaches.editor.bioHint', { max: L.bioLength })}
        rows={8}
        {...form.field('bio')}
      />
      <CoachTopicsFields
        values={form.values}
        problems={form.problems}
        onChange={form.setValue}
        currentLanguages={coach.languages}
      />
      <TextAreaField
        label={t('coaches.editor.certifications')}
        hint={t('coaches.editor.certificationsHint', { max: L.certifications })}
        rows={4}
        {...form.field('certifications')}
      />
      <div className="form__row">
        <TextField
          label={t('coaches.editor.yearsOfExperience')}
          inputMode="numeric"
          {...form.field('yearsOfExperience')}
        />
        <SelectField
          label={t('coaches.editor.timeZone')}
          hint={t('coaches.editor.timeZoneHint')}
          options={zones}
          {...form.bind('timeZone')}
        />
      </div>
      <SwitchField
        label={t('coaches.editor.listed')}
        hint={t('coaches.editor.listedHint')}
        checked={form.values.listed}
        onChange={(event) => form.setValue('listed', event.target.checked)}
      />
      <FormActions
        submitLabel={t('coaches.editor.save')}
        busyLabel={t('coaches.editor.saving')}
        isBusy={updateCoach.isPending}
      />
    </FormFrame>
  );
};
