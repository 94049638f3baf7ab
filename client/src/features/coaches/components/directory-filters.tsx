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

interface DirectoryFiltersProps {
  search: DirectorySearch;
  onChange: (changes: Partial<DirectorySearch>) => void;
  onClear: () => void;
}

/** Every control writes straight to the URL; selects apply at once, text after a pause. */
export const DirectoryFilters = ({ search, onChange, onClear }: DirectoryFiltersProps) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;

  const specialties = [
    { value: '', label: t('coaches.directory.anySpecialty') },
    ...specialtyOptions(t, locale),
  ];
  const languages = [
    { value: '', label: t('coaches.directory.anyLanguage') },
    ...languageOptions(locale, search.language ? [search.language] : []),
  ];
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
      <SelectField
        label={t('coaches.directory.specialty')}
        options={specialties}
        value={search.specialty ?? ''}
        onChange={(event) =>
          onChange({ specialty: COACH_SPECIALTIES.find((value) => value === event.target.value) })
        }
        data-testid="filter-specialty"
      />
      <SelectField
        label={t('coaches.directory.language')}
        options={languages}
        value={search.language ?? ''}
        onChange={(event) => onChange({ language: event.target.value || undefined })}
        data-testid="filter-language"
      />
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
