import type { SessionTypeDTO } from '@coachhub/shared/booking';
import { CURRENCIES } from '@coachhub/shared/pricing';
import type { Currency, PriceConfigurationDTO } from '@coachhub/shared/pricing';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusAfterSubmit } from '@/components/form/use-focus-after-submit';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { toApiError } from '@/lib/api-error';
import { hasProblems } from '@/lib/field-problem';
import type { FieldProblem } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { formatMoney, parseMajorUnits } from '@/lib/money';

import { useUpdatePriceConfig } from '../../api/update-price-config';
import { toRatesRequest, toRatesValues, validateRates } from './pricing-values';
import type { RatesValues } from './pricing-values';
import '../settings-group.css';

/** A 400's `details` on the fields: `sessionTypeRates[i]` is the i-th rate the form sent. */
const serverProblems = (error: unknown, values: RatesValues) => {
  const problems: Partial<Record<string, FieldProblem>> = {};
  const sent = toRatesRequest(values).sessionTypeRates;
  for (const issue of toApiError(error).fieldIssues) {
    const rateIndex = /^sessionTypeRates\[(\d+)\]/.exec(issue.field)?.[1];
    const rate = rateIndex === undefined ? undefined : sent[Number(rateIndex)];
    const field = rate ? `rate:${rate.sessionTypeId}` : issue.field;
    problems[field] = { key: 'validation.invalidValue' };
  }
  return problems;
};

interface RatesFormProps {
  config: PriceConfigurationDTO;
  sessionTypes: readonly SessionTypeDTO[];
}

/** Currency, the hourly rate and, where wanted, a fixed price per session type. */
export const RatesForm = ({ config, sessionTypes }: RatesFormProps) => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { containerRef, focusFirstProblem } = useFocusAfterSubmit();
  const [values, setValues] = useState(() => toRatesValues(config));
  const [attempted, setAttempted] = useState(false);
  const update = useUpdatePriceConfig(config.coachId);

  const problems = {
    ...(update.error ? serverProblems(update.error, values) : {}),
    ...(attempted ? validateRates(values) : {}),
  };
  const edit = (change: Partial<RatesValues>) => {
    setValues((current) => ({ ...current, ...change }));
    if (update.isError) update.reset();
  };
  const hourly = parseMajorUnits(values.baseHourlyRate, values.currency);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (hasProblems(validateRates(values))) return focusFirstProblem();
    update.mutate(toRatesRequest(values), {
      onSuccess: () => notify('success', 'practice.pricing.saved'),
      onError: focusFirstProblem,
    });
  };

  return (
    <form
      ref={containerRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-labelledby="pricing-rates-heading"
      data-testid="rates-form"
    >
      <FormAlert message={update.error ? errorMessage(update.error) : null} />
      <div className="form__row">
        <SelectField
          label={t('practice.pricing.currency')}
          options={CURRENCIES.map((currency) => ({ value: currency, label: currency }))}
          value={values.currency}
          onChange={(event) => edit({ currency: event.target.value as Currency })}
        />
        <TextField
          label={t('practice.pricing.baseHourlyRate')}
          hint={t('practice.pricing.baseHourlyRateHint', { currency: values.currency })}
          inputMode="decimal"
          name="baseHourlyRate"
          value={values.baseHourlyRate}
          onChange={(event) => edit({ baseHourlyRate: event.target.value })}
          problem={problems.baseHourlyRate}
        />
      </div>
      {sessionTypes.length > 0 && (
        <fieldset className="settings-group">
          <legend className="settings-group__legend">{t('practice.pricing.ratesHeading')}</legend>
          <div className="form__row">
            {sessionTypes.map((type) => {
              const fromHourly =
                hourly === null
                  ? null
                  : formatMoney(
                      {
                        amount: Math.round((hourly * type.durationMinutes) / 60),
                        currency: values.currency,
                      },
                      i18n.language,
                    );
              return (
                <TextField
                  key={type._id}
                  label={t('practice.pricing.rateFor', { title: type.title })}
                  hint={
                    fromHourly
                      ? t('practice.pricing.rateHint', { price: fromHourly })
                      : t('practice.pricing.rateHintPlain')
                  }
                  inputMode="decimal"
                  value={values.rates[type._id] ?? ''}
                  onChange={(event) =>
                    edit({ rates: { ...values.rates, [type._id]: event.target.value } })
                  }
                  problem={problems[`rate:${type._id}`]}
                />
              );
            })}
          </div>
        </fieldset>
      )}
      <div className="form__actions">
        <Button type="submit" isBusy={update.isPending} busyLabel={t('practice.saving')}>
          {t('practice.pricing.save')}
        </Button>
      </div>
    </form>
  );
};
