import { useSearchParams } from 'react-router-dom';

import { readDirectorySearch, writeDirectorySearch } from './directory-search';
import type { DirectorySearch } from './directory-search';

/**
 * The directory search, read from and written to the URL. Any change but paging starts again
 * on page 1; every change is a history entry, so the back button undoes it.
 */
export const useDirectorySearch = () => {
  const [params, setParams] = useSearchParams();
  const search = readDirectorySearch(params);

  const update = (changes: Partial<DirectorySearch>) => {
    const next: DirectorySearch = { ...search, page: 1, ...changes };
    // A new page starts at the top; a filter change keeps the user where they are.
    setParams(writeDirectorySearch(next), { preventScrollReset: changes.page === undefined });
  };

  const clearFilters = () => update({ q: '', ...CLEARED_FILTERS });

  return { search, update, clearFilters };
};

const CLEARED_FILTERS: Partial<DirectorySearch> = {
  specialty: undefined,
  language: undefined,
  minPrice: undefined,
  maxPrice: undefined,
  currency: undefined,
  minRating: undefined,
};
