import { SESSION_MODES, SESSION_TYPE_LIMITS } from '@coachhub/shared/booking';
import type { CreateSessionTypeRequest, SessionMode } from '@coachhub/shared/booking';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { SelectField } from '@/components/form/select-field';
import { SwitchField } from '@/components/form/switch-field';
import { TextAreaField } from '@/components/form/text-area-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import type { FormSubmission, SubmitHelpers } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';

import { toSessionTypeRequest, validateSessionType } from './session-type-values';
import type { SessionTypeValues } from './session-type-values';

interface SessionTypeFormProps {
  /** Names the form, e.g. "New session type" or "Edit: Intro call". */
  label: string;
  initialValues: SessionTypeValues;
  submitLabel: string;
  /** The create or update mutation, owned by the caller. */
  submission: FormSubmission & { isPending: boolean };
  /** `reset` empties the form after a create; `focusFirstProblem` shows what the server refused. */
  onSubmit: (request: CreateSessionTypeRequest, helpers: SubmitHelpers) => void;
  onCancel?: () => void;
}

/** Title, duration, mode, description and whether clients can book it. */
export const SessionTypeForm = ({
  label,
  initialValues,
  submitLabel,
  submission,
  onSubmit,
  onCancel,
}: SessionTypeFormProps) => {
  const { t } = useTranslation();
  const form = useFormState({
    initialValues,
    validate: validateSessionType,
    submission,
    onValid: (valid, helpers) => onSubmit(toSessionTypeRequest(valid), helpers),
  });
  const L = SESSION_TYPE_LIMITS;

  return (
    <FormFrame
      form={form}
      className="session-type-form"
      aria-label={label}
      data-testid="session-type-form"
    >
      <div className="form__row">
        <TextField
          label={t('practice.sessionTypes.titleField')}
          hint={t('practice.sessionTypes.titleHint', { max: L.titleMax })}
          required
          {...form.field('title')}
        />
        <TextField
          label={t('practice.sessionTypes.duration')}
          hint={t('practice.sessionTypes.durationHint', {
            min: L.minDurationMinutes,
            max: L.maxDurationMinutes,
          })}
          inputMode="numeric"
          {...form.field('durationMinutes')}
        />
        <SelectField
          label={t('practice.sessionTypes.mode')}
          options={SESSION_MODES.map((mode) => ({
            value: mode,
            label: t(`booking.modes.${mode}`),
          }))}
          name="mode"
          value={form.values.mode}
          onChange={(event) => form.setValue('mode', event.target.value as SessionMode)}
        />
      </div>
      <TextAreaField
        label={t('practice.sessionTypes.description')}
        hint={t('practice.sessionTypes.descriptionHint', { max: L.descriptionMax })}
        rows={3}
        {...form.field('description')}
      />
      <SwitchField
        label={t('practice.sessionTypes.activeField')}
        hint={t('practice.sessionTypes.activeHint')}
        checked={form.values.active}
        onChange={(event) => form.setValue('active', event.target.checked)}
      />
      <FormActions
        submitLabel={submitLabel}
        busyLabel={t('practice.saving')}
        isBusy={submission.isPending}
      >
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t('practice.cancel')}
          </Button>
        )}
      </FormActions>
    </FormFrame>
  );
};
