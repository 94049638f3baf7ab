import type { AvailabilityDTO } from '@coachhub/shared/scheduling';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { useFocusAfterSubmit } from '@/components/form/use-focus-after-submit';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { toApiError } from '@/lib/api-error';
import { hasProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { timeZoneOptions } from '@/lib/time-zones';
import { useCurrentMinute } from '@/lib/use-current-minute';

import { useUpdateAvailability } from '../../api/update-availability';
import { dayKeyIn } from '../calendar/zoned-days';
import {
  rowPaths,
  toAvailabilityRequest,
  toAvailabilityValues,
  validateAvailability,
} from './availability-values';
import type { AvailabilityProblems, AvailabilityValues } from './availability-values';
import { BookingSettingsFields } from './booking-settings-fields';
import { OverridesEditor } from './overrides-editor';
import { WeeklyEditor } from './weekly-editor';
import './availability.css';

/** A 400's `details` on the fields they name: the paths are the ones the editor uses. */
const serverProblems = (error: unknown): AvailabilityProblems => {
  if (!error) return {};
  return Object.fromEntries(
    toApiError(error).fieldIssues.map((issue) => [issue.field, { key: 'validation.invalidValue' }]),
  );
};

/** The coach's weekly hours, exceptions and booking settings, saved together. */
export const AvailabilityForm = ({
  userId,
  availability,
}: {
  userId: string;
  availability: AvailabilityDTO;
}) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { containerRef, focusFirstProblem } = useFocusAfterSubmit();
  const [values, setValues] = useState<AvailabilityValues>(() =>
    toAvailabilityValues(availability),
  );
  const [attempted, setAttempted] = useState(false);
  const update = useUpdateAvailability(userId);
  const now = useCurrentMinute();
  const zones = useMemo(() => timeZoneOptions(availability.timeZone), [availability.timeZone]);

  const paths = rowPaths(values);
  const clientProblems = attempted ? validateAvailability(values) : {};
  // The user's own mistakes win over what the server said about the last submit.
  const problems = { ...serverProblems(update.error), ...clientProblems };

  const edit = (change: Partial<AvailabilityValues>) => {
    setValues((current) => ({ ...current, ...change }));
    if (update.isError) update.reset();
  };

  // Hundreds of zones: the select is rebuilt only when its own value changes, not per keystroke.
  const { reset: resetUpdate } = update;
  const timeZoneInvalid = Boolean(problems.timeZone);
  const timeZoneField = useMemo(
    () => (
      <SelectField
        label={t('practice.availability.timeZone')}
        hint={t('practice.availability.timeZoneHint')}
        options={zones}
        value={values.timeZone}
        onChange={(event) => {
          const timeZone = event.target.value;
          setValues((current) => ({ ...current, timeZone }));
          resetUpdate();
        }}
        aria-invalid={timeZoneInvalid || undefined}
      />
    ),
    [t, zones, values.timeZone, timeZoneInvalid, resetUpdate],
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (hasProblems(validateAvailability(values))) {
      focusFirstProblem();
      return;
    }
    update.mutate(toAvailabilityRequest(values), {
      onSuccess: () => notify('success', 'practice.availability.saved'),
      onError: focusFirstProblem,
    });
  };

  return (
    <form
      ref={containerRef}
      className="form availability-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="practice-availability-heading"
      data-testid="availability-form"
    >
      <FormAlert message={update.error ? errorMessage(update.error) : null} />
      {timeZoneField}
      <section aria-labelledby="weekly-hours-heading" className="availability-form__part">
        <h3 id="weekly-hours-heading">{t('practice.availability.weeklyHeading')}</h3>
        <p className="field__hint">{t('practice.availability.weeklyHint')}</p>
        <WeeklyEditor
          weekly={values.weekly}
          onChange={(weekday, rows) => edit({ weekly: { ...values.weekly, [weekday]: rows } })}
          problems={problems}
          paths={paths}
        />
      </section>
      <section aria-labelledby="overrides-heading" className="availability-form__part">
        <h3 id="overrides-heading">{t('practice.availability.overridesHeading')}</h3>
        <p className="field__hint">{t('practice.availability.overridesHint')}</p>
        <OverridesEditor
          overrides={values.overrides}
          onChange={(overrides) => edit({ overrides })}
          problems={problems}
          paths={paths}
          today={dayKeyIn(now, values.timeZone)}
        />
      </section>
      <section aria-labelledby="booking-settings-heading" className="availability-form__part">
        <h3 id="booking-settings-heading">{t('practice.availability.settingsHeading')}</h3>
        <BookingSettingsFields
          settings={values.settings}
          onChange={(settings) => edit({ settings })}
          problems={problems}
        />
      </section>
      <div className="form__actions">
        <Button type="submit" isBusy={update.isPending} busyLabel={t('practice.saving')}>
          {t('practice.availability.save')}
        </Button>
      </div>
    </form>
  );
};
