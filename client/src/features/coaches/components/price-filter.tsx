import { CURRENCIES, DEFAULT_PRICE_VALUES } from '@coachhub/shared/pricing';
import type { Currency } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { parseMajorUnits, toMajorUnits } from '@/lib/money';

import { useUrlDraft } from './use-url-draft';

interface PriceFilterProps {
  minPrice: number | undefined;
  maxPrice: number | undefined;
  currency: Currency | undefined;
  inverted: boolean;
  onChange: (changes: {
    minPrice?: number | undefined;
    maxPrice?: number | undefined;
    currency?: Currency | undefined;
  }) => void;
}

/**
 * Prices are typed in major units and kept in the URL in minor units, like the API. A price
 * only means something in one currency, so typing one without a currency picks the default,
 * and choosing "any currency" drops the amounts.
 */
export const PriceFilter = ({
  minPrice,
  maxPrice,
  currency,
  inverted,
  onChange,
}: PriceFilterProps) => {
  const { t } = useTranslation();
  const unit = currency ?? DEFAULT_PRICE_VALUES.currency;
  const toDraft = (amount: number | undefined) =>
    amount === undefined ? '' : String(toMajorUnits(amount, unit));
  const fromDraft = (text: string) => parseMajorUnits(text, unit) ?? undefined;
  const withCurrency = { currency: unit };

  const min = useUrlDraft({
    committed: minPrice,
    toDraft,
    fromDraft,
    commit: (amount) => onChange({ minPrice: amount, ...withCurrency }),
  });
  const max = useUrlDraft({
    committed: maxPrice,
    toDraft,
    fromDraft,
    commit: (amount) => onChange({ maxPrice: amount, ...withCurrency }),
  });

  const currencyOptions = [
    { value: '', label: t('coaches.directory.anyCurrency') },
    ...CURRENCIES.map((code) => ({ value: code, label: code })),
  ];

  return (
    <fieldset className="filter-group">
      <legend className="field__label">{t('coaches.directory.price')}</legend>
      <div className="filter-group__row">
        <TextField
          label={t('coaches.directory.minPrice')}
          inputMode="decimal"
          autoComplete="off"
          value={min.draft}
          onChange={(event) => min.setDraft(event.target.value)}
          onBlur={min.flush}
        />
        <TextField
          label={t('coaches.directory.maxPrice')}
          inputMode="decimal"
          autoComplete="off"
          value={max.draft}
          onChange={(event) => max.setDraft(event.target.value)}
          onBlur={max.flush}
          problem={inverted ? { key: 'coaches.directory.maxBelowMin' } : undefined}
        />
      </div>
      <SelectField
        label={t('coaches.directory.currency')}
        hint={t('coaches.directory.priceHint', { currency: unit })}
        options={currencyOptions}
        value={currency ?? ''}
        onChange={(event) => {
          const chosen = CURRENCIES.find((code) => code === event.target.value);
          // Amounts without a currency would be compared across currencies: drop them too.
          onChange(
            chosen
              ? { currency: chosen }
              : { currency: undefined, minPrice: undefined, maxPrice: undefined },
          );
        }}
      />
    </fieldset>
  );
};
