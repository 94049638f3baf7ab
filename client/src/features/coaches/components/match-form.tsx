import { COACH_PROFILE_LIMITS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import type { CoachMatchRequest } from '@coachhub/shared/coach';
import { CURRENCIES, DEFAULT_PRICE_VALUES } from '@coachhub/shared/pricing';
import type { Currency } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { CheckboxGroup } from '@/components/form/checkbox-group';
import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import type { FieldProblems } from '@/lib/field-problem';
import { languageOptions } from '@/lib/languages';
import { parseMajorUnits } from '@/lib/money';
import { specialtyOptions } from '@/lib/specialties';
import { useFormatContext } from '@/lib/use-format-context';

import { TIME_SLOT_NAMES, isTimeSlot, toPreferredTimes } from './preferred-times';

interface MatchValues {
  specialties: string[];
  languages: string[];
  budget: string;
  currency: string;
  times: string[];
}

const validate = (values: MatchValues): FieldProblems<keyof MatchValues> => ({
  specialties:
    values.specialties.length === 0
      ? { key: 'validation.specialtiesRequired' }
      : values.specialties.length > COACH_PROFILE_LIMITS.specialties
        ? { key: 'validation.tooManyChoices', values: { max: COACH_PROFILE_LIMITS.specialties } }
        : undefined,
  languages:
    values.languages.length > COACH_PROFILE_LIMITS.languages
      ? { key: 'validation.tooManyChoices', values: { max: COACH_PROFILE_LIMITS.languages } }
      : undefined,
  budget:
    values.budget.trim() !== '' &&
    parseMajorUnits(values.budget, DEFAULT_PRICE_VALUES.currency) === null
      ? { key: 'validation.amountInvalid' }
      : undefined,
});

const toRequest = (values: MatchValues, timeZone: string): CoachMatchRequest => {
  const currency: Currency = CURRENCIES.find((code) => code === values.currency) ?? 'EUR';
  const budget = parseMajorUnits(values.budget, currency);
  const times = values.times.filter(isTimeSlot);
  return {
    specialties: COACH_SPECIALTIES.filter((specialty) => values.specialties.includes(specialty)),
    ...(values.languages.length > 0 ? { languages: values.languages } : {}),
    ...(budget !== null ? { budget: { max: budget, currency } } : {}),
    ...(times.length > 0 ? { preferredTimes: toPreferredTimes(times), timeZone } : {}),
  };
};

interface MatchFormProps {
  onSubmit: (request: CoachMatchRequest) => void;
  isBusy: boolean;
}

export const MatchForm = ({ onSubmit, isBusy }: MatchFormProps) => {
  const { t, i18n } = useTranslation();
  const { timeZone } = useFormatContext();
  const form = useFormState<MatchValues>({
    initialValues: {
      specialties: [],
      languages: [],
      budget: '',
      currency: DEFAULT_PRICE_VALUES.currency,
      times: [],
    },
    validate,
    onValid: (valid) => onSubmit(toRequest(valid, timeZone)),
  });

  return (
    <FormFrame
      form={form}
      className="match-form"
      aria-label={t('coaches.match.formLabel')}
      data-testid="match-form"
    >
      <CheckboxGroup
        legend={t('coaches.match.goals')}
        hint={t('coaches.match.goalsHint')}
        name="specialties"
        options={specialtyOptions(t, i18n.language)}
        value={form.values.specialties}
        onChange={(chosen) => form.setValue('specialties', chosen)}
        problem={form.problems.specialties}
      />
      <CheckboxGroup
        legend={t('coaches.match.languages')}
        hint={t('coaches.match.languagesHint')}
        name="languages"
        options={languageOptions(i18n.language)}
        value={form.values.languages}
        onChange={(chosen) => form.setValue('languages', chosen)}
        problem={form.problems.languages}
      />
      <div className="form__row">
        <TextField
          label={t('coaches.match.budget')}
          hint={t('coaches.match.budgetHint')}
          inputMode="decimal"
          autoComplete="off"
          {...form.field('budget')}
        />
        <SelectField
          label={t('coaches.match.currency')}
          options={CURRENCIES.map((code) => ({ value: code, label: code }))}
          {...form.bind('currency')}
        />
      </div>
      <CheckboxGroup
        legend={t('coaches.match.times')}
        hint={t('coaches.match.timesHint', { timeZone })}
        name="times"
        options={TIME_SLOT_NAMES.map((slot) => ({
          value: slot,
          label: t(`coaches.match.timeSlots.${slot}`),
        }))}
        value={form.values.times}
        onChange={(chosen) => form.setValue('times', chosen)}
      />
      <FormActions
        submitLabel={t('coaches.match.submit')}
        busyLabel={t('coaches.match.submitting')}
        isBusy={isBusy}
      />
    </FormFrame>
  );
};
