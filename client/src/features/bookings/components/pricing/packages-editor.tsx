import type { Currency, SessionPackage } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { splitServerError } from '@/components/form/server-problems';
import { SwitchField } from '@/components/form/switch-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { mergeProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { formatMoney } from '@/lib/money';

import { useAddPackage } from '../../api/add-package';
import { useDeletePackage } from '../../api/delete-package';
import { PriceItemList } from './price-item-list';
import { EMPTY_PACKAGE, PACKAGE_FIELDS, toPackageRequest, validatePackage } from './pricing-values';

interface PackageFormProps {
  userId: string;
  currency: Currency;
  onDone: () => void;
}

const PackageForm = ({ userId, currency, onDone }: PackageFormProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddPackage(userId);
  const { containerRef, values, setValue, bind, handleSubmit, focusFirstProblem, problems } =
    useFormState({
      initialValues: EMPTY_PACKAGE,
      validate: validatePackage(currency),
      onEdit: () => add.isError && add.reset(),
    });
  const server = splitServerError(add.error, PACKAGE_FIELDS);
  const shown = mergeProblems(server.fieldProblems, problems);

  return (
    <form
      ref={containerRef}
      className="form panel"
      noValidate
      aria-label={t('practice.pricing.newPackage')}
      onSubmit={handleSubmit((valid) =>
        add.mutate(toPackageRequest(valid, currency), {
          onSuccess: () => {
            notify('success', 'practice.pricing.packageAdded');
            onDone();
          },
          onError: focusFirstProblem,
        }),
      )}
      data-testid="package-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <div className="form__row">
        <TextField
          label={t('practice.pricing.packageName')}
          {...bind('name')}
          problem={shown.name}
        />
        <TextField
          label={t('practice.pricing.packageSessions')}
          inputMode="numeric"
          {...bind('sessions')}
          problem={shown.sessions}
        />
        <TextField
          label={t('practice.pricing.packagePrice')}
          hint={t('practice.pricing.amountHint', { currency })}
          inputMode="decimal"
          {...bind('price')}
          problem={shown.price}
        />
        <TextField
          label={t('practice.pricing.validityDays')}
          inputMode="numeric"
          {...bind('validityDays')}
          problem={shown.validityDays}
        />
      </div>
      <SwitchField
        label={t('practice.pricing.activeField')}
        checked={values.active}
        onChange={(event) => setValue('active', event.target.checked)}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={add.isPending} busyLabel={t('practice.saving')}>
          {t('practice.pricing.addPackage')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('practice.cancel')}
        </Button>
      </div>
    </form>
  );
};

interface PackagesEditorProps {
  userId: string;
  currency: Currency;
  packages: readonly SessionPackage[];
}

/** The coach's packages; removing one takes it off the list at once (see `useDeletePackage`). */
export const PackagesEditor = ({ userId, currency, packages }: PackagesEditorProps) => {
  const { t, i18n } = useTranslation();
  const remove = useDeletePackage(userId);
  return (
    <PriceItemList
      items={packages.map((item) => ({
        id: item._id,
        title: `${item.name} · ${formatMoney({ amount: item.price, currency }, i18n.language)}`,
        active: item.active,
        detail: t('practice.pricing.packageDetail', {
          count: item.sessions,
          days: item.validityDays,
        }),
        removeLabel: t('practice.pricing.removePackage', { name: item.name }),
      }))}
      label={t('practice.pricing.packagesHeading')}
      emptyText={t('practice.pricing.noPackages')}
      addLabel={t('practice.pricing.addPackage')}
      itemTestId="package"
      onRemove={(id) => remove.mutate(id)}
      renderForm={(done) => <PackageForm userId={userId} currency={currency} onDone={done} />}
    />
  );
};
