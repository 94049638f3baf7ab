import type { Currency } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { TextField } from '@/components/form/text-field';
import type { FormState } from '@/components/form/use-form-state';

import { useAddPackage } from '../../api/add-package';
import { PriceItemForm } from './price-item-form';
import { EMPTY_PACKAGE, toPackageRequest, validatePackage } from './pricing-values';
import type { PackageValues } from './pricing-values';

interface PackageFieldsProps {
  form: FormState<PackageValues>;
  currency: Currency;
}

const PackageFields = ({ form, currency }: PackageFieldsProps) => {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('practice.pricing.packageName')} {...form.field('name')} />
      <TextField
        label={t('practice.pricing.packageSessions')}
        inputMode="numeric"
        {...form.field('sessions')}
      />
      <TextField
        label={t('practice.pricing.packagePrice')}
        hint={t('practice.pricing.amountHint', { currency })}
        inputMode="decimal"
        {...form.field('price')}
      />
      <TextField
        label={t('practice.pricing.validityDays')}
        inputMode="numeric"
        {...form.field('validityDays')}
      />
    </>
  );
};

interface PackageFormProps {
  userId: string;
  currency: Currency;
  onDone: () => void;
}

/** Adds a package: a number of sessions for one price, valid for some days. */
export const PackageForm = ({ userId, currency, onDone }: PackageFormProps) => {
  const add = useAddPackage(userId);
  return (
    <PriceItemForm
      kind="package"
      initialValues={EMPTY_PACKAGE}
      validate={validatePackage(currency)}
      toRequest={(valid) => toPackageRequest(valid, currency)}
      add={add}
      onDone={onDone}
    >
      {(form) => <PackageFields form={form} currency={currency} />}
    </PriceItemForm>
  );
};
