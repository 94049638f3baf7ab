import { COACH_SPECIALTIES } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';

import { SelectField } from '@/components/form/select-field';
import { Button } from '@/components/ui/button';
import { languageOptions } from '@/lib/languages';
import { specialtyOptions } from '@/lib/specialties';

import { hasActiveFilters, isPriceRangeInverted } from './directory-search';
import type { DirectorySearch } from './directory-search';
import { PriceFilter } from './price-filter';
import { SearchBox } from './search-box';

const RATING_STEPS = [4.5, 4, 3.5, 3] as const;

interface FilterSelectProps {
  value: string | undefined;
  onChange: (changes: Partial<DirectorySearch>) => void;
}

// The specialty and language filters are components of their own, so hydrating the filters can
// pause between them: naming and sorting their options in the reader's language is the costly part.
const SpecialtyFilter = ({ value, onChange }: FilterSelectProps) => {
  const { t, i18n } = useTranslation();
  const options = [
    { value: '', label: t('coaches.directory.anySpecialty') },
    ...specialtyOptions(t, i18n.language),
  ];
  return (
    <SelectField
      label={t('coaches.directory.specialty')}
      options={options}
      value={value ?? ''}
      onChange={(event) =>
        onChange({ specialty: COACH_SPECIALTIES.find((item) => item === event.target.value) })
      }
      data-testid="filter-specialty"
    />
  );
};

const LanguageFilter = ({ value, onChange }: FilterSelectProps) => {
  const { t, i18n } = useTranslation();
  const options = [
    { value: '', label: t('coaches.directory.anyLanguage') },
    ...languageOptions(i18n.language, value ? [value] : []),
  ];
  return (
    <SelectField
      label={t('coaches.directory.language')}
      options={options}
      value={value ?? ''}
      onChange={(event) => onChange({ language: event.target.value || undefined })}
      data-testid="filter-language"
    />
  );
};

interface DirectoryFiltersProps {
  search: DirectorySearch;
  onChange: (changes: Partial<DirectorySearch>) => void;
  onClear: () => void;
}

/** Every control writes straight to the URL; selects apply at once, text after a pause. */
export const DirectoryFilters = ({ search, onChange, onClear }: DirectoryFiltersProps) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;

  // A rating from a shared link that is not one of the steps still shows as chosen.
  const steps = [
    ...new Set<number>([...RATING_STEPS, ...(search.minRating ? [search.minRating] : [])]),
  ];
  const ratings = [
    { value: '', label: t('coaches.directory.anyRating') },
    ...steps
      .sort((a, b) => b - a)
      .map((rating) => ({
        value: String(rating),
        label: t('coaches.directory.ratingAtLeast', { rating: rating.toLocaleString(locale) }),
      })),
  ];

  return (
    <section className="directory-filters" aria-label={t('coaches.directory.filtersLabel')}>
      <SearchBox value={search.q} onCommit={(q) => onChange({ q })} />
      <SpecialtyFilter value={search.specialty} onChange={onChange} />
      <LanguageFilter value={search.language} onChange={onChange} />
      <PriceFilter
        minPrice={search.minPrice}
        maxPrice={search.maxPrice}
        currency={search.currency}
        inverted={isPriceRangeInverted(search)}
        onChange={onChange}
      />
      <SelectField
        label={t('coaches.directory.minRating')}
        options={ratings}
        value={search.minRating === undefined ? '' : String(search.minRating)}
        onChange={(event) =>
          onChange({ minRating: event.target.value ? Number(event.target.value) : undefined })
        }
        data-testid="filter-rating"
      />
      {hasActiveFilters(search) && (
        <Button variant="link" onClick={onClear}>
          {t('coaches.directory.clearFilters')}
        </Button>
      )}
    </section>
  );
};
