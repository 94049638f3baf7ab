import { DISCOUNT_KINDS } from '@coachhub/shared/pricing';
import type { Discount, DiscountKind } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { splitServerError } from '@/components/form/server-problems';
import { SwitchField } from '@/components/form/switch-field';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { mergeProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useAddDiscount } from '../../api/add-discount';
import { PriceItemList } from './price-item-list';
import { useDeleteDiscount } from '../../api/delete-discount';
import {
  DISCOUNT_FIELDS,
  EMPTY_DISCOUNT,
  toDiscountRequest,
  validateDiscount,
} from './pricing-values';

const DiscountForm = ({ userId, onDone }: { userId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddDiscount(userId);
  const { containerRef, values, setValue, bind, handleSubmit, focusFirstProblem, problems } =
    useFormState({
      initialValues: EMPTY_DISCOUNT,
      validate: validateDiscount,
      onEdit: () => add.isError && add.reset(),
    });
  const server = splitServerError(add.error, DISCOUNT_FIELDS);
  const shown = mergeProblems(server.fieldProblems, problems);

  return (
    <form
      ref={containerRef}
      className="form panel"
      noValidate
      aria-label={t('practice.pricing.newDiscount')}
      onSubmit={handleSubmit((valid) =>
        add.mutate(toDiscountRequest(valid), {
          onSuccess: () => {
            notify('success', 'practice.pricing.discountAdded');
            onDone();
          },
          onError: focusFirstProblem,
        }),
      )}
      data-testid="discount-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <div className="form__row">
        <SelectField
          label={t('practice.pricing.discountKind')}
          options={DISCOUNT_KINDS.map((kind) => ({
            value: kind,
            label: t(`booking.quote.kinds.${kind}`),
          }))}
          value={values.kind}
          onChange={(event) => setValue('kind', event.target.value as DiscountKind)}
        />
        <TextField
          label={t('practice.pricing.discountLabel')}
          hint={t('practice.pricing.discountLabelHint')}
          {...bind('label')}
          problem={shown.label}
        />
        <TextField
          label={t('practice.pricing.percent')}
          inputMode="numeric"
          {...bind('percent')}
          problem={shown.percent}
        />
        {values.kind === 'volume' && (
          <TextField
            label={t('practice.pricing.minSessions')}
            hint={t('practice.pricing.minSessionsHint')}
            inputMode="numeric"
            {...bind('minSessions')}
            problem={shown.minSessions}
          />
        )}
        {values.kind === 'early_booking' && (
          <TextField
            label={t('practice.pricing.minDaysAhead')}
            inputMode="numeric"
            {...bind('minDaysAhead')}
            problem={shown.minDaysAhead}
          />
        )}
      </div>
      <SwitchField
        label={t('practice.pricing.activeField')}
        checked={values.active}
        onChange={(event) => setValue('active', event.target.checked)}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={add.isPending} busyLabel={t('practice.saving')}>
          {t('practice.pricing.addDiscount')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('practice.cancel')}
        </Button>
      </div>
    </form>
  );
};

const condition = (discount: Discount, t: ReturnType<typeof useTranslation>['t']) => {
  switch (discount.kind) {
    case 'volume':
      return t('practice.pricing.volumeCondition', { count: discount.minSessions });
    case 'early_booking':
      return t('practice.pricing.earlyCondition', { count: discount.minDaysAhead });
    default:
      return t('practice.pricing.firstCondition');
  }
};

/** The coach's discounts; removing one takes it off the list at once (see `useDeleteDiscount`). */
export const DiscountsEditor = ({
  userId,
  discounts,
}: {
  userId: string;
  discounts: readonly Discount[];
}) => {
  const { t } = useTranslation();
  const remove = useDeleteDiscount(userId);
  return (
    <PriceItemList
      items={discounts.map((discount) => ({
        id: discount._id,
        title: `${discount.label} · ${t('practice.pricing.percentOff', { percent: discount.percent })}`,
        active: discount.active,
        detail: `${t(`booking.quote.kinds.${discount.kind}`)}: ${condition(discount, t)}`,
        removeLabel: t('practice.pricing.removeDiscount', { label: discount.label }),
      }))}
      label={t('practice.pricing.discountsHeading')}
      emptyText={t('practice.pricing.noDiscounts')}
      addLabel={t('practice.pricing.addDiscount')}
      itemTestId="discount"
      onRemove={(id) => remove.mutate(id)}
      renderForm={(done) => <DiscountForm userId={userId} onDone={done} />}
    />
  );
};
