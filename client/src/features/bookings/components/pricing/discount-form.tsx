import { DISCOUNT_KINDS } from '@coachhub/shared/pricing';
import type { DiscountKind } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import type { FormState } from '@/components/form/use-form-state';

import { useAddDiscount } from '../../api/add-discount';
import { PriceItemForm } from './price-item-form';
import { EMPTY_DISCOUNT, toDiscountRequest, validateDiscount } from './pricing-values';
import type { DiscountValues } from './pricing-values';

type DiscountFormState = FormState<DiscountValues>;

/** What a volume or early-booking discount asks of a booking; a first-session one asks nothing. */
const ConditionField = ({ form }: { form: DiscountFormState }) => {
  const { t } = useTranslation();
  // Keyed by kind: switching kinds replaces the field rather than reusing its input.
  if (form.values.kind === 'volume') {
    return (
      <TextField
        key="volume"
        label={t('practice.pricing.minSessions')}
        hint={t('practice.pricing.minSessionsHint')}
        inputMode="numeric"
        {...form.field('minSessions')}
      />
    );
  }
  if (form.values.kind === 'early_booking') {
    return (
      <TextField
        key="early_booking"
        label={t('practice.pricing.minDaysAhead')}
        inputMode="numeric"
        {...form.field('minDaysAhead')}
      />
    );
  }
  return null;
};

const DiscountFields = ({ form }: { form: DiscountFormState }) => {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('practice.pricing.discountKind')}
        options={DISCOUNT_KINDS.map((kind) => ({
          value: kind,
          label: t(`booking.quote.kinds.${kind}`),
        }))}
        value={form.values.kind}
        onChange={(event) => form.setValue('kind', event.target.value as DiscountKind)}
      />
      <TextField
        label={t('practice.pricing.discountLabel')}
        hint={t('practice.pricing.discountLabelHint')}
        {...form.field('label')}
      />
      <TextField
        label={t('practice.pricing.percent')}
        inputMode="numeric"
        {...form.field('percent')}
      />
      <ConditionField form={form} />
    </>
  );
};

/** Adds a discount: its kind, label, percentage and the condition its kind asks for. */
export const DiscountForm = ({ userId, onDone }: { userId: string; onDone: () => void }) => {
  const add = useAddDiscount(userId);
  return (
    <PriceItemForm
      kind="discount"
      initialValues={EMPTY_DISCOUNT}
      validate={validateDiscount}
      toRequest={toDiscountRequest}
      add={add}
      onDone={onDone}
    >
      {(form) => <DiscountFields form={form} />}
    </PriceItemForm>
  );
};
