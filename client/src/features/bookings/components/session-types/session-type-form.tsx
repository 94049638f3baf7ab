import { SESSION_MODES, SESSION_TYPE_LIMITS } from '@coachhub/shared/booking';
import type { CreateSessionTypeRequest, SessionMode } from '@coachhub/shared/booking';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { splitServerError } from '@/components/form/server-problems';
import { SwitchField } from '@/components/form/switch-field';
import { TextAreaField } from '@/components/form/text-area-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { mergeProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import {
  SESSION_TYPE_FIELDS,
  toSessionTypeRequest,
  validateSessionType,
} from './session-type-values';
import type { SessionTypeValues } from './session-type-values';

interface SessionTypeFormProps {
  /** Names the form, e.g. "New session type" or "Edit: Intro call". */
  label: string;
  initialValues: SessionTypeValues;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  /** `done` resets the form after a create; `failed` focuses what the server refused. */
  onSubmit: (
    request: CreateSessionTypeRequest,
    after: { done: () => void; failed: () => void },
  ) => void;
  onEdit: () => void;
  onCancel?: () => void;
}

/** Title, duration, mode, description and whether clients can book it. */
export const SessionTypeForm = ({
  label,
  initialValues,
  submitLabel,
  isPending,
  error,
  onSubmit,
  onEdit,
  onCancel,
}: SessionTypeFormProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { containerRef, values, setValue, bind, handleSubmit, focusFirstProblem, reset, problems } =
    useFormState({ initialValues, validate: validateSessionType, onEdit });
  const server = splitServerError(error, SESSION_TYPE_FIELDS);
  const shown = mergeProblems(server.fieldProblems, problems);
  const L = SESSION_TYPE_LIMITS;

  return (
    <form
      ref={containerRef}
      className="form session-type-form"
      noValidate
      aria-label={label}
      onSubmit={handleSubmit((valid) =>
        onSubmit(toSessionTypeRequest(valid), { done: reset, failed: focusFirstProblem }),
      )}
      data-testid="session-type-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <div className="form__row">
        <TextField
          label={t('practice.sessionTypes.titleField')}
          hint={t('practice.sessionTypes.titleHint', { max: L.titleMax })}
          required
          {...bind('title')}
          problem={shown.title}
        />
        <TextField
          label={t('practice.sessionTypes.duration')}
          hint={t('practice.sessionTypes.durationHint', {
            min: L.minDurationMinutes,
            max: L.maxDurationMinutes,
          })}
          inputMode="numeric"
          {...bind('durationMinutes')}
          problem={shown.durationMinutes}
        />
        <SelectField
          label={t('practice.sessionTypes.mode')}
          options={SESSION_MODES.map((mode) => ({
            value: mode,
            label: t(`booking.modes.${mode}`),
          }))}
          name="mode"
          value={values.mode}
          onChange={(event) => setValue('mode', event.target.value as SessionMode)}
        />
      </div>
      <TextAreaField
        label={t('practice.sessionTypes.description')}
        hint={t('practice.sessionTypes.descriptionHint', { max: L.descriptionMax })}
        rows={3}
        {...bind('description')}
        problem={shown.description}
      />
      <SwitchField
        label={t('practice.sessionTypes.activeField')}
        hint={t('practice.sessionTypes.activeHint')}
        checked={values.active}
        onChange={(event) => setValue('active', event.target.checked)}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={isPending} busyLabel={t('practice.saving')}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t('practice.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
};
