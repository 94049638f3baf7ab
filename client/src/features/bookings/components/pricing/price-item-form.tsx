import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { SwitchField } from '@/components/form/switch-field';
import { useFormState } from '@/components/form/use-form-state';
import type { FormState, FormSubmission } from '@/components/form/use-form-state';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import type { FieldProblems } from '@/lib/field-problem';

import { PRICE_ITEM_TEXTS } from './price-item-kinds';
import type { PriceItemKind } from './price-item-kinds';

/** The add-item mutation (e.g. `useAddDiscount`). */
interface AddItem<Request> extends FormSubmission {
  isPending: boolean;
  mutate: (request: Request, callbacks: { onSuccess: () => void; onError: () => void }) => void;
}

interface PriceItemFormProps<Values extends { active: boolean }, Request> {
  kind: PriceItemKind;
  initialValues: Values;
  validate: (values: Values) => FieldProblems<keyof Values & string>;
  toRequest: (values: Values) => Request;
  add: AddItem<Request>;
  /** Called once the item is added, or on Cancel. */
  onDone: () => void;
  /** The item's own fields, in one row; the active switch and the buttons follow them. */
  children: (form: FormState<Values>) => ReactNode;
}

/** Adds a discount or a package: the item's fields, whether it is active, Add and Cancel. */
export const PriceItemForm = <Values extends { active: boolean }, Request>({
  kind,
  initialValues,
  validate,
  toRequest,
  add,
  onDone,
  children,
}: PriceItemFormProps<Values, Request>) => {
  const { t } = useTranslation();
  const texts = PRICE_ITEM_TEXTS[kind];
  const form = useFormState({
    initialValues,
    validate,
    submission: add,
    onValid: (valid, { focusFirstProblem }) =>
      add.mutate(toRequest(valid), {
        onSuccess: () => {
          notify('success', texts.added);
          onDone();
        },
        onError: focusFirstProblem,
      }),
  });

  return (
    <FormFrame
      form={form}
      className="panel"
      aria-label={t(texts.formLabel)}
      data-testid={`${kind}-form`}
    >
      <div className="form__row">{children(form)}</div>
      <SwitchField
        label={t('practice.pricing.activeField')}
        checked={form.values.active}
        onChange={(event) => form.setValue('active', event.target.checked as Values['active'])}
      />
      <FormActions
        submitLabel={t(texts.add)}
        busyLabel={t('practice.saving')}
        isBusy={add.isPending}
      >
        <Button variant="ghost" onClick={onDone}>
          {t('practice.cancel')}
        </Button>
      </FormActions>
    </FormFrame>
  );
};
