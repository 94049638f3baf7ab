import { COACH_PROFILE_LIMITS } from '@coachhub/shared/coach';
import type { CoachDTO } from '@coachhub/shared/coach';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckboxGroup } from '@/components/form/checkbox-group';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { splitServerError } from '@/components/form/server-problems';
import { SwitchField } from '@/components/form/switch-field';
import { TextAreaField } from '@/components/form/text-area-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { mergeProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { languageOptions } from '@/lib/languages';
import { specialtyOptions } from '@/lib/specialties';
import { timeZoneOptions } from '@/lib/time-zones';

import { useUpdateCoach } from '../api/update-coach';
import {
  COACH_PROFILE_FIELDS,
  toProfileValues,
  toUpdateRequest,
  validateProfile,
} from './coach-profile-values';

const L = COACH_PROFILE_LIMITS;

/** Every field `PATCH /coaches/:userId` takes; names change on the account page. */
export const CoachProfileForm = ({ coach }: { coach: CoachDTO }) => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const updateCoach = useUpdateCoach(coach._id);
  // Destructured: the ref must stay its own binding for the React Compiler's ref checks.
  const {
    containerRef,
    values,
    setValue,
    bind,
    handleSubmit,
    focusFirstProblem,
    problems: clientProblems,
  } = useFormState({
    initialValues: toProfileValues(coach),
    validate: validateProfile,
    onEdit: () => updateCoach.isError && updateCoach.reset(),
  });
  const zones = useMemo(() => timeZoneOptions(coach.timeZone), [coach.timeZone]);

  const server = splitServerError(updateCoach.error, COACH_PROFILE_FIELDS);
  const problems = mergeProblems(server.fieldProblems, clientProblems);

  const submit = handleSubmit((valid) =>
    updateCoach.mutate(toUpdateRequest(valid), {
      onSuccess: () => notify('success', 'coaches.editor.saved'),
      onError: focusFirstProblem,
    }),
  );

  return (
    <form
      ref={containerRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-labelledby="coach-details-heading"
      data-testid="coach-profile-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <TextField
        label={t('coaches.editor.headline')}
        hint={t('coaches.editor.headlineHint', { max: L.headlineLength })}
        required
        {...bind('headline')}
        problem={problems.headline}
      />
      <TextAreaField
        label={t('coaches.editor.bio')}
        hint={t('coaches.editor.bioHint', { max: L.bioLength })}
        rows={8}
        {...bind('bio')}
        problem={problems.bio}
      />
      <CheckboxGroup
        legend={t('coaches.editor.specialties')}
        hint={t('coaches.editor.specialtiesHint', { max: L.specialties })}
        name="specialties"
        options={specialtyOptions(t, i18n.language)}
        value={values.specialties}
        onChange={(chosen) => setValue('specialties', chosen)}
        problem={problems.specialties}
      />
      <CheckboxGroup
        legend={t('coaches.editor.languages')}
        hint={t('coaches.editor.languagesHint', { max: L.languages })}
        name="languages"
        options={languageOptions(i18n.language, coach.languages)}
        value={values.languages}
        onChange={(chosen) => setValue('languages', chosen)}
        problem={problems.languages}
      />
      <TextAreaField
        label={t('coaches.editor.certifications')}
        hint={t('coaches.editor.certificationsHint', { max: L.certifications })}
        rows={4}
        {...bind('certifications')}
        problem={problems.certifications}
      />
      <div className="form__row">
        <TextField
          label={t('coaches.editor.yearsOfExperience')}
          inputMode="numeric"
          {...bind('yearsOfExperience')}
          problem={problems.yearsOfExperience}
        />
        <SelectField
          label={t('coaches.editor.timeZone')}
          hint={t('coaches.editor.timeZoneHint')}
          options={zones}
          {...bind('timeZone')}
        />
      </div>
      <SwitchField
        label={t('coaches.editor.listed')}
        hint={t('coaches.editor.listedHint')}
        checked={values.listed}
        onChange={(event) => setValue('listed', event.target.checked)}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={updateCoach.isPending} busyLabel={t('coaches.editor.saving')}>
          {t('coaches.editor.save')}
        </Button>
      </div>
    </form>
  );
};
